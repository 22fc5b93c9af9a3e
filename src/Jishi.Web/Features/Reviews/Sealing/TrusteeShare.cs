using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Org.BouncyCastle.Math;
using ECPoint = Org.BouncyCastle.Math.EC.ECPoint;

namespace Jishi.Web.Features.Reviews.Sealing;

/// <summary>A trustee's secret share x of the campaign key, shown once (as a QR code and on paper) and given back at the
/// tally. Its text is 56 characters of <see cref="Base32"/> in 14 blocks of 4: the 32-byte secret and a 3-byte checksum
/// (SHA-256 of a label and the secret), so a typo is reported rather than turned into another key.</summary>
public sealed class TrusteeShare
{
    public const int TextCharacters = 56;
    private const int ChecksumLength = 3;
    private static readonly byte[] checksumLabel = "jishi/sealing/v1/share-checksum"u8.ToArray();

    private TrusteeShare(BigInteger secret)
    {
        Secret = secret;
        PublicKey = P256.MultiplyG(secret).Normalize();
    }

    internal BigInteger Secret { get; }

    /// <summary>X = x·G.</summary>
    public ECPoint PublicKey { get; }

    public static TrusteeShare Create() => new(P256.RandomScalar());

    /// <summary>The public share with its proof of knowledge, bound to <paramref name="context"/> (e.g. the campaign's
    /// id and the trustee's place): what the server keeps.</summary>
    public PublicShare Prove(ReadOnlySpan<byte> context) =>
        new(PublicKey, EqualLogProof.Create(PublicShare.Label, context, [P256.G], [PublicKey], Secret));

    public string ToText()
    {
        Span<byte> bytes = stackalloc byte[P256.ScalarLength + ChecksumLength];
        P256.WriteScalar(Secret, bytes);
        Checksum(bytes[..P256.ScalarLength], bytes[P256.ScalarLength..]);
        return Base32.Grouped(Base32.Encode(bytes, TextCharacters));
    }

    /// <summary>Reads a share as typed or scanned: spaces, '-' and lower case are accepted.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out TrusteeShare? share, out ShareTextError error)
    {
        share = null;
        var normalized = Base32.Normalized(text);
        Span<byte> bytes = stackalloc byte[P256.ScalarLength + ChecksumLength];
        Span<byte> expected = stackalloc byte[ChecksumLength];
        error = ShareTextError.None;
        if (normalized.Length != TextCharacters)
            error = ShareTextError.Length;
        else if (Base32.Decode(normalized, bytes) >= 0)
            error = ShareTextError.Character;
        else
        {
            Checksum(bytes[..P256.ScalarLength], expected);
            var secret = new BigInteger(1, bytes[..P256.ScalarLength]);
            if (!expected.SequenceEqual(bytes[P256.ScalarLength..]))
                error = ShareTextError.Checksum;
            else if (secret.SignValue == 0 || secret.CompareTo(P256.Order) >= 0)
                error = ShareTextError.Range;
            else
                share = new TrusteeShare(secret);
        }
        return share is not null;
    }

    private static void Checksum(ReadOnlySpan<byte> secret, Span<byte> destination)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData([.. checksumLabel, .. secret], digest);
        digest[..ChecksumLength].CopyTo(destination);
    }
}
