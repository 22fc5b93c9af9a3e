using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace Jishi.Web.Features.Reviews.Sealing;

/// <summary>One choice among N options (a grade among 好 较好 一般 差) sealed as N ciphertexts of the one-hot vector, each
/// with a proof that it seals 0 or 1, and a proof that their sum seals exactly 1; every proof is bound to the caller's
/// context (campaign, subject, dimension), so a sealed choice verifies nowhere else. Written as the number of options
/// (1 byte), the N ciphertexts (130 bytes each, first so that the tally reads them without the proofs), the N proofs
/// (128 bytes each) and the sum's proof (64 bytes): 1 + 258·N + 64 bytes, 1,097 for four grades.</summary>
public sealed class SealedChoice
{
    public const int MaxOptions = 16;
    internal const string SumLabel = "jishi/sealing/v1/one-hot";

    private readonly ZeroOrOneProof[] proofs;
    private readonly EqualLogProof sumProof;

    internal SealedChoice(Ciphertext[] ciphertexts, ZeroOrOneProof[] proofs, EqualLogProof sumProof)
    {
        Ciphertexts = ciphertexts;
        this.proofs = proofs;
        this.sumProof = sumProof;
    }

    public IReadOnlyList<Ciphertext> Ciphertexts { get; }
    public int Options => Ciphertexts.Count;

    public static int LengthFor(int options) => 1 + options * (Ciphertext.Length + ZeroOrOneProof.Length) + EqualLogProof.Length;

    /// <summary>Where option <paramref name="option"/>'s ciphertext starts in the encoding.</summary>
    public static int CiphertextOffset(int option) => 1 + option * Ciphertext.Length;

    public static SealedChoice Seal(int choice, int options, JointKey key, ReadOnlySpan<byte> context)
    {
        if (options is < 2 or > MaxOptions)
            throw new ArgumentOutOfRangeException(nameof(options), options, $"Between 2 and {MaxOptions} options.");
        ArgumentOutOfRangeException.ThrowIfNegative(choice);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(choice, options);
        var randomness = new BigInteger[options];
        var points = new ECPoint[2 * options];
        for (var i = 0; i < options; i++)
        {
            randomness[i] = P256.RandomScalar();
            var c = Ciphertext.Encrypt(i == choice ? 1 : 0, randomness[i], key);
            (points[2 * i], points[2 * i + 1]) = (c.A, c.B);
        }
        P256.NormalizeAll(points);
        var ciphertexts = new Ciphertext[options];
        var proofs = new ZeroOrOneProof[options];
        for (var i = 0; i < options; i++)
        {
            ciphertexts[i] = new Ciphertext(points[2 * i], points[2 * i + 1]);
            proofs[i] = ZeroOrOneProof.Create(ciphertexts[i], i == choice ? 1 : 0, randomness[i], key, new(context, i, options));
        }
        var r = randomness.Aggregate(BigInteger.Zero, (sum, k) => sum.Add(k)).Mod(P256.Order);
        var sumProof = EqualLogProof.Create(SumLabel, context, [P256.G, key.Point], SumImages(ciphertexts), r);
        return new SealedChoice(ciphertexts, proofs, sumProof);
    }

    /// <summary>True when every ciphertext seals 0 or 1 and their sum seals 1, all for this key and context.</summary>
    public bool Verify(JointKey key, ReadOnlySpan<byte> context)
    {
        for (var i = 0; i < Options; i++)
        {
            if (!proofs[i].Verify(Ciphertexts[i], key, new(context, i, Options)))
                return false;
        }
        return sumProof.Verify(SumLabel, context, [P256.G, key.Point], SumImages(Ciphertexts));
    }

    /// <summary>The sum (ΣA, ΣB − G), which is r·(G, H) for r = Σrᵢ exactly when the sum seals 1.</summary>
    internal static ECPoint[] SumImages(IReadOnlyList<Ciphertext> ciphertexts)
    {
        var sum = ciphertexts.Aggregate(Ciphertext.Zero, (s, c) => s.Add(c));
        return [sum.A, sum.B.Subtract(P256.G)];
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[LengthFor(Options)];
        bytes[0] = (byte)Options;
        var proofStart = CiphertextOffset(Options);
        for (var i = 0; i < Options; i++)
        {
            Ciphertexts[i].WriteTo(bytes.AsSpan(CiphertextOffset(i)));
            proofs[i].WriteTo(bytes.AsSpan(proofStart + i * ZeroOrOneProof.Length));
        }
        sumProof.WriteTo(bytes.AsSpan(proofStart + Options * ZeroOrOneProof.Length));
        return bytes;
    }

    /// <summary>Reads a sealed choice of <paramref name="options"/> options: the length, the count, every point (on the
    /// curve, not the identity) and every scalar (below the order) are checked; the proofs are checked by
    /// <see cref="Verify"/>.</summary>
    public static SealedChoice FromBytes(ReadOnlySpan<byte> bytes, int options)
    {
        if (options is < 2 or > MaxOptions || bytes.Length != LengthFor(options) || bytes[0] != options)
            throw new FormatException($"A sealed choice of {options} options takes {LengthFor(options)} bytes starting with {options}.");
        var ciphertexts = new Ciphertext[options];
        var proofs = new ZeroOrOneProof[options];
        var proofStart = CiphertextOffset(options);
        for (var i = 0; i < options; i++)
        {
            var c = bytes.Slice(CiphertextOffset(i), Ciphertext.Length);
            ciphertexts[i] = new Ciphertext(P256.ReadPoint(c[..P256.PointLength], allowInfinity: false),
                P256.ReadPoint(c[P256.PointLength..], allowInfinity: false));
            proofs[i] = ZeroOrOneProof.Read(bytes[(proofStart + i * ZeroOrOneProof.Length)..]);
        }
        return new SealedChoice(ciphertexts, proofs, EqualLogProof.Read(bytes[(proofStart + options * ZeroOrOneProof.Length)..]));
    }
}
