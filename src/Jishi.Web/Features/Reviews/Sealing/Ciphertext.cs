using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace Jishi.Web.Features.Reviews.Sealing;

/// <summary>Exponential ElGamal on P-256: m is sealed as (A, B) = (r·G, m·G + r·H) for the joint key H, and sealed
/// values add: (A₁ + A₂, B₁ + B₂) seals m₁ + m₂. Written as A then B uncompressed, 130 bytes (decoding a compressed point
/// costs a square root, about 20 times an uncompressed one, and the tally decodes millions); the identity (the sum of
/// nothing, <see cref="Zero"/>) as 130 zero bytes.</summary>
public sealed class Ciphertext : IEquatable<Ciphertext>
{
    public const int Length = 2 * P256.PointLength;

    internal Ciphertext(ECPoint a, ECPoint b)
    {
        A = a;
        B = b;
    }

    public ECPoint A { get; }
    public ECPoint B { get; }

    public static Ciphertext Zero { get; } = new(P256.Infinity, P256.Infinity);

    public static Ciphertext Encrypt(int m, JointKey key) => Encrypt(m, P256.RandomScalar(), key);

    internal static Ciphertext Encrypt(int m, BigInteger r, JointKey key)
    {
        var mg = m switch
        {
            0 => P256.Infinity,
            1 => P256.G,
            _ => P256.MultiplyG(BigInteger.ValueOf(m)),
        };
        return new Ciphertext(P256.MultiplyG(r), mg.Add(key.Multiply(r)));
    }

    public Ciphertext Add(Ciphertext other) => new(A.Add(other.A), B.Add(other.B));

    public void WriteTo(Span<byte> destination)
    {
        P256.WritePoint(A, destination);
        P256.WritePoint(B, destination[P256.PointLength..]);
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>Reads 130 bytes; both points must be on the curve (or the identity).</summary>
    public static Ciphertext FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == Length
            ? new Ciphertext(P256.ReadPoint(bytes[..P256.PointLength], allowInfinity: true),
                P256.ReadPoint(bytes[P256.PointLength..], allowInfinity: true))
            : throw new FormatException($"A ciphertext takes {Length} bytes, not {bytes.Length}.");

    public bool Equals(Ciphertext? other) => other is not null && A.Equals(other.A) && B.Equals(other.B);

    public override bool Equals(object? obj) => Equals(obj as Ciphertext);

    public override int GetHashCode() => HashCode.Combine(A, B);
}
