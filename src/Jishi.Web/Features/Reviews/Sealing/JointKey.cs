using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace Jishi.Web.Features.Reviews.Sealing;

/// <summary>A campaign's public key H: the sum of its trustees' public shares (all n of n are needed to decrypt). Keep one
/// instance per campaign: it carries the comb table that makes encrypting to it fast (built once, about one
/// multiplication's cost). Written compressed, 33 bytes.</summary>
public sealed class JointKey
{
    public const int Length = P256.CompressedPointLength;

    private JointKey(ECPoint point)
    {
        if (point.IsInfinity)
            throw new ArgumentException("A joint key cannot be the identity.", nameof(point));
        Point = point.Normalize();
        P256.Precompute(Point);
    }

    public ECPoint Point { get; }

    /// <summary>Adds the public shares; verify each share's proof with its own context first
    /// (<see cref="PublicShare.Verify"/>), so that no trustee can choose a key that cancels the others'.</summary>
    public static JointKey Combine(IReadOnlyCollection<PublicShare> shares)
    {
        if (shares.Count == 0)
            throw new ArgumentException("A joint key needs at least one share.", nameof(shares));
        return new JointKey(shares.Aggregate(P256.Infinity, (sum, share) => sum.Add(share.Point)));
    }

    internal ECPoint Multiply(BigInteger k) => P256.Multiply(Point, k);

    public byte[] ToBytes()
    {
        var bytes = new byte[Length];
        P256.WriteCompressedPoint(Point, bytes);
        return bytes;
    }

    public static JointKey FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == Length
            ? new JointKey(P256.ReadPoint(bytes, allowInfinity: false))
            : throw new FormatException($"A joint key takes {Length} bytes, not {bytes.Length}.");
}
