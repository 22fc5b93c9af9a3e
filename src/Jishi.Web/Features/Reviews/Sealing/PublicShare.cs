using Org.BouncyCastle.Math.EC;

namespace Jishi.Web.Features.Reviews.Sealing;

/// <summary>A trustee's public share X = x·G with a Schnorr proof that the trustee knows x, bound to the context the
/// caller gives (campaign and trustee): a share copied from another campaign or made up from others' shares fails.
/// Written as X compressed then the proof, 97 bytes.</summary>
public sealed class PublicShare
{
    public const int Length = P256.CompressedPointLength + EqualLogProof.Length;
    internal const string Label = "jishi/sealing/v1/trustee-key";

    internal PublicShare(ECPoint point, EqualLogProof proof)
    {
        Point = point.Normalize();
        Proof = proof;
    }

    public ECPoint Point { get; }
    public EqualLogProof Proof { get; }

    public bool Verify(ReadOnlySpan<byte> context) => Proof.Verify(Label, context, [P256.G], [Point]);

    public byte[] ToBytes()
    {
        var bytes = new byte[Length];
        P256.WriteCompressedPoint(Point, bytes);
        Proof.WriteTo(bytes.AsSpan(P256.CompressedPointLength));
        return bytes;
    }

    public static PublicShare FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == Length
            ? new PublicShare(P256.ReadPoint(bytes[..P256.CompressedPointLength], allowInfinity: false),
                EqualLogProof.Read(bytes[P256.CompressedPointLength..]))
            : throw new FormatException($"A public share takes {Length} bytes, not {bytes.Length}.");
}
