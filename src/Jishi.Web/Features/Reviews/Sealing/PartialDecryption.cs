using Org.BouncyCastle.Math.EC;

namespace Jishi.Web.Features.Reviews.Sealing;

/// <summary>A trustee's share of decrypting a summed ciphertext (A, B): D = x·A, with a Chaum–Pedersen proof that
/// log_G X = log_A D for the trustee's public share X, bound to the caller's context (campaign and which sum), so that
/// anyone can check the published results without a key. Written as D compressed then the proof, 97 bytes.</summary>
public sealed class PartialDecryption
{
    public const int Length = P256.CompressedPointLength + EqualLogProof.Length;
    private const string Label = "jishi/sealing/v1/partial-decryption";

    private PartialDecryption(ECPoint point, EqualLogProof proof)
    {
        Point = point;
        Proof = proof;
    }

    /// <summary>D = x·A.</summary>
    public ECPoint Point { get; }
    public EqualLogProof Proof { get; }

    /// <summary>The trustee's part; the sum's points must be points of the group (a <see cref="CiphertextSum.Total"/> or
    /// a <see cref="Ciphertext.FromBytes"/> is).</summary>
    public static PartialDecryption Create(TrusteeShare share, Ciphertext sum, ReadOnlySpan<byte> context)
    {
        var d = P256.Multiply(sum.A, share.Secret).Normalize();
        return new PartialDecryption(d, EqualLogProof.Create(Label, context, [P256.G, sum.A], [share.PublicKey, d], share.Secret));
    }

    /// <summary>True when this is x·A for the x behind <paramref name="publicKey"/> (a trustee's <see cref="PublicShare.Point"/>).</summary>
    public bool Verify(ECPoint publicKey, Ciphertext sum, ReadOnlySpan<byte> context) =>
        Proof.Verify(Label, context, [P256.G, sum.A], [publicKey, Point]);

    /// <summary>M = B − ΣD = m·G, then m by <paramref name="log"/>; false when m is above its maximum (a part missing or
    /// wrong). Verify each part first.</summary>
    public static bool TryCombine(Ciphertext sum, IEnumerable<PartialDecryption> parts, DiscreteLog log, out int count) =>
        log.TryFind(parts.Aggregate(sum.B, (m, part) => m.Subtract(part.Point)), out count);

    public byte[] ToBytes()
    {
        var bytes = new byte[Length];
        P256.WriteCompressedPoint(Point, bytes);
        Proof.WriteTo(bytes.AsSpan(P256.CompressedPointLength));
        return bytes;
    }

    /// <summary>Reads 97 bytes; D is the identity only for the sum of nothing.</summary>
    public static PartialDecryption FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == Length
            ? new PartialDecryption(P256.ReadPoint(bytes[..P256.CompressedPointLength], allowInfinity: true),
                EqualLogProof.Read(bytes[P256.CompressedPointLength..]))
            : throw new FormatException($"A partial decryption takes {Length} bytes, not {bytes.Length}.");
}
