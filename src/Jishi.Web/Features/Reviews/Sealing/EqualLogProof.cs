using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace Jishi.Web.Features.Reviews.Sealing;

/// <summary>A non-interactive proof of knowing one secret x with Yᵢ = x·Bᵢ for every pair of bases and images: Schnorr's
/// proof of knowledge for one pair (a trustee's key), Chaum–Pedersen's proof of equal logarithms for two (a partial
/// decryption, a sealed choice's sum). Written as the challenge and the response, 32 bytes each.</summary>
public sealed class EqualLogProof
{
    public const int Length = 2 * P256.ScalarLength;

    private EqualLogProof(BigInteger challenge, BigInteger response)
    {
        Challenge = challenge;
        Response = response;
    }

    public BigInteger Challenge { get; }
    public BigInteger Response { get; }

    internal static EqualLogProof Create(string label, ReadOnlySpan<byte> context, ECPoint[] bases, ECPoint[] images, BigInteger secret)
    {
        var w = P256.RandomScalar();
        var commitments = Array.ConvertAll(bases, b => P256.Multiply(b, w));
        var c = ChallengeOf(label, context, bases, images, commitments);
        return new EqualLogProof(c, w.Add(c.Multiply(secret)).Mod(P256.Order));
    }

    internal bool Verify(string label, ReadOnlySpan<byte> context, ECPoint[] bases, ECPoint[] images)
    {
        var minusC = P256.Order.Subtract(Challenge);
        var commitments = new ECPoint[bases.Length];
        for (var i = 0; i < bases.Length; i++)
            commitments[i] = P256.SumOfTwoMultiplies(bases[i], Response, images[i], minusC);
        return Challenge.Equals(ChallengeOf(label, context, bases, images, commitments));
    }

    private static BigInteger ChallengeOf(string label, ReadOnlySpan<byte> context, ECPoint[] bases, ECPoint[] images, ECPoint[] commitments)
    {
        ECPoint[] all = [.. bases, .. images, .. commitments];
        P256.NormalizeAll(all);
        using var transcript = new Transcript(label, context).Number(bases.Length);
        foreach (var point in all)
            transcript.Point(point);
        return transcript.Challenge();
    }

    public void WriteTo(Span<byte> destination)
    {
        P256.WriteScalar(Challenge, destination);
        P256.WriteScalar(Response, destination[P256.ScalarLength..]);
    }

    public static EqualLogProof Read(ReadOnlySpan<byte> source) =>
        new(P256.ReadScalar(source), P256.ReadScalar(source[P256.ScalarLength..]));
}
