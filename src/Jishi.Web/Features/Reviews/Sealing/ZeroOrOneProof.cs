using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace Jishi.Web.Features.Reviews.Sealing;

/// <summary>A disjunctive Chaum–Pedersen proof (Cramer–Damgård–Schoenmakers) that a ciphertext (A, B) seals 0 or 1:
/// for j = 0 and 1 it shows log_G A = log_H (B − j·G) with challenges c₀ + c₁ = the Fiat–Shamir challenge, so one branch
/// is real and the other simulated, and nobody can tell which. Written as c₀, c₁, s₀, s₁, 128 bytes.</summary>
public sealed class ZeroOrOneProof
{
    public const int Length = 4 * P256.ScalarLength;
    private const string Label = "jishi/sealing/v1/zero-or-one";

    private readonly BigInteger[] challenges;
    private readonly BigInteger[] responses;

    private ZeroOrOneProof(BigInteger[] challenges, BigInteger[] responses)
    {
        this.challenges = challenges;
        this.responses = responses;
    }

    /// <summary>Proves that <paramref name="c"/> = (r·G, m·G + r·H) seals m ∈ {0, 1}; <paramref name="statement"/>
    /// says where the ciphertext stands (context, option, number of options) and goes into the challenge.</summary>
    internal static ZeroOrOneProof Create(Ciphertext c, int m, BigInteger r, JointKey key, Statement statement)
    {
        var q = P256.Order;
        var fake = 1 - m;
        BigInteger[] challenges = [BigInteger.Zero, BigInteger.Zero];
        BigInteger[] responses = [BigInteger.Zero, BigInteger.Zero];
        challenges[fake] = P256.RandomScalar();
        responses[fake] = P256.RandomScalar();
        var w = P256.RandomScalar();
        var commitments = new ECPoint[4];
        commitments[2 * m] = P256.MultiplyG(w);
        commitments[2 * m + 1] = key.Multiply(w);
        // The simulated branch's commitments s·G − c·A and s·H − c·(B − j·G), computed from r, which the prover knows:
        // (s − c·r)·G and (s − c·r)·H + (j − m)·c·G.
        var t = responses[fake].Subtract(challenges[fake].Multiply(r)).Mod(q);
        var shift = fake > m ? challenges[fake] : q.Subtract(challenges[fake]);
        commitments[2 * fake] = P256.MultiplyG(t);
        commitments[2 * fake + 1] = key.Multiply(t).Add(P256.MultiplyG(shift));
        var total = statement.Challenge(key, c, commitments);
        challenges[m] = total.Subtract(challenges[fake]).Mod(q);
        responses[m] = w.Add(challenges[m].Multiply(r)).Mod(q);
        return new ZeroOrOneProof(challenges, responses);
    }

    internal bool Verify(Ciphertext c, JointKey key, Statement statement)
    {
        var q = P256.Order;
        ECPoint[] shifted = [c.B, c.B.Subtract(P256.G)];
        var commitments = new ECPoint[4];
        for (var j = 0; j < 2; j++)
        {
            var minusC = q.Subtract(challenges[j]);
            commitments[2 * j] = P256.SumOfTwoMultiplies(P256.G, responses[j], c.A, minusC);
            commitments[2 * j + 1] = P256.SumOfTwoMultiplies(key.Point, responses[j], shifted[j], minusC);
        }
        return challenges[0].Add(challenges[1]).Mod(q).Equals(statement.Challenge(key, c, commitments));
    }

    public void WriteTo(Span<byte> destination)
    {
        for (var j = 0; j < 2; j++)
        {
            P256.WriteScalar(challenges[j], destination[(j * P256.ScalarLength)..]);
            P256.WriteScalar(responses[j], destination[((2 + j) * P256.ScalarLength)..]);
        }
    }

    public static ZeroOrOneProof Read(ReadOnlySpan<byte> source)
    {
        var scalars = new BigInteger[4];
        for (var i = 0; i < 4; i++)
            scalars[i] = P256.ReadScalar(source[(i * P256.ScalarLength)..]);
        return new ZeroOrOneProof(scalars[..2], scalars[2..]);
    }

    /// <summary>Where a ciphertext stands: the caller's context, the option it is for and how many options there are.</summary>
    internal readonly ref struct Statement(ReadOnlySpan<byte> context, int option, int options)
    {
        private readonly ReadOnlySpan<byte> context = context;

        public BigInteger Challenge(JointKey key, Ciphertext c, ECPoint[] commitments)
        {
            P256.NormalizeAll(commitments);
            using var transcript = new Transcript(Label, context).Number(options).Number(option)
                .Point(key.Point).Point(c.A).Point(c.B);
            foreach (var point in commitments)
                transcript.Point(point);
            return transcript.Challenge();
        }
    }
}
