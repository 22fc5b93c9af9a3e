using Org.BouncyCastle.Math.EC;

namespace Jishi.Web.Features.Reviews.Sealing;

/// <summary>A running homomorphic sum of ciphertexts, kept in BouncyCastle's projective coordinates (no inversion per
/// addition) and normalized once, in <see cref="Total"/>. Not thread-safe: one per thread, then <see cref="Add(CiphertextSum)"/>.</summary>
public sealed class CiphertextSum
{
    private ECPoint a = P256.Infinity;
    private ECPoint b = P256.Infinity;

    public int Count { get; private set; }

    public void Add(Ciphertext c)
    {
        a = a.Add(c.A);
        b = b.Add(c.B);
        Count++;
    }

    /// <summary>Adds a ciphertext straight from its 130 bytes without checking its points against the curve (the costly
    /// part of decoding); <see cref="Total"/> checks the sum. A point off the curve makes the sum fail that check, or, if
    /// crafted to land on the curve, gives a wrong total that the ballots' proofs and the decryption proofs expose; either
    /// way no trustee ever multiplies a point outside the group.</summary>
    public void AddEncoded(ReadOnlySpan<byte> ciphertext)
    {
        a = a.Add(P256.ReadPointUnchecked(ciphertext[..P256.PointLength]));
        b = b.Add(P256.ReadPointUnchecked(ciphertext.Slice(P256.PointLength, P256.PointLength)));
        Count++;
    }

    public void Add(CiphertextSum other)
    {
        a = a.Add(other.a);
        b = b.Add(other.b);
        Count += other.Count;
    }

    /// <summary>The sum as a ciphertext; throws <see cref="InvalidDataException"/> when a point added unchecked was not a
    /// point of the group.</summary>
    public Ciphertext Total()
    {
        ECPoint[] points = [a, b];
        P256.NormalizeAll(points);
        if (!points[0].IsValid() || !points[1].IsValid())
            throw new InvalidDataException("A ciphertext in the sum was not made of points of P-256.");
        return new Ciphertext(points[0], points[1]);
    }
}
