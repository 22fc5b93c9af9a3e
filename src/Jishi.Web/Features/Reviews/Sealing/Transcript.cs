using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Math;
using ECPoint = Org.BouncyCastle.Math.EC.ECPoint;

namespace Jishi.Web.Features.Reviews.Sealing;

/// <summary>Fiat–Shamir: the challenge of a proof is the SHA-256 of everything the proof is about, taken mod q. Every
/// transcript starts with the proof's label and the caller's context (length-prefixed), so a proof made for one statement,
/// campaign or subject is no proof of another.</summary>
internal sealed class Transcript : IDisposable
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public Transcript(string label, ReadOnlySpan<byte> context)
    {
        Bytes(Encoding.ASCII.GetBytes(label));
        Bytes(context);
    }

    /// <summary>A length-prefixed byte string.</summary>
    public Transcript Bytes(ReadOnlySpan<byte> bytes)
    {
        Number(bytes.Length);
        hash.AppendData(bytes);
        return this;
    }

    public Transcript Number(int value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(buffer, value);
        hash.AppendData(buffer);
        return this;
    }

    /// <summary>Appends a point's compressed form (normalize many points at once with P256.NormalizeAll first: the
    /// encoding normalizes each point on its own otherwise).</summary>
    public Transcript Point(ECPoint point)
    {
        Span<byte> buffer = stackalloc byte[P256.CompressedPointLength];
        P256.WriteCompressedPoint(point, buffer);
        hash.AppendData(buffer);
        return this;
    }

    public BigInteger Challenge()
    {
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return new BigInteger(1, digest).Mod(P256.Order);
    }

    public void Dispose() => hash.Dispose();
}
