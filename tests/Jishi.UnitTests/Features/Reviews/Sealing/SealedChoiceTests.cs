using Jishi.Web.Features.Reviews.Sealing;
using Org.BouncyCastle.Math;
using static Jishi.UnitTests.Features.Reviews.Sealing.SealingTestData;

namespace Jishi.UnitTests.Features.Reviews.Sealing;

public sealed class SealedChoiceTests
{
    private static readonly byte[] Subject = Context("campaign 7 subject 3 dimension 1");
    private readonly JointKey key = Trustees(2).Key;

    [Fact]
    public void Verify_HonestSeal_True()
    {
        for (var choice = 0; choice < Grades; choice++)
            Assert.True(SealedChoice.Seal(choice, Grades, key, Subject).Verify(key, Subject));
    }

    [Fact]
    public void Verify_OtherContext_False()
    {
        var sealedChoice = SealedChoice.Seal(2, Grades, key, Subject);
        Assert.False(sealedChoice.Verify(key, Context("campaign 7 subject 4 dimension 1")));
    }

    [Fact]
    public void Verify_OtherKey_False()
    {
        var sealedChoice = SealedChoice.Seal(2, Grades, key, Subject);
        Assert.False(sealedChoice.Verify(Trustees(2).Key, Subject));
    }

    [Fact]
    public void Verify_TamperedCiphertext_False()
    {
        var bytes = SealedChoice.Seal(0, Grades, key, Subject).ToBytes();
        // Replace option 1's ciphertext by another encryption of 0: still well-formed, but not what the proofs speak of.
        Ciphertext.Encrypt(0, key).WriteTo(bytes.AsSpan(SealedChoice.CiphertextOffset(1)));
        Assert.False(SealedChoice.FromBytes(bytes, Grades).Verify(key, Subject));
    }

    [Fact]
    public void Verify_SwappedCiphertexts_False()
    {
        // Moving the 1 to another option keeps every ciphertext a 0 or a 1 and the sum 1, but the proofs name their option.
        var bytes = SealedChoice.Seal(0, Grades, key, Subject).ToBytes();
        var first = bytes.AsSpan(SealedChoice.CiphertextOffset(0), Ciphertext.Length).ToArray();
        bytes.AsSpan(SealedChoice.CiphertextOffset(2), Ciphertext.Length).CopyTo(bytes.AsSpan(SealedChoice.CiphertextOffset(0)));
        first.CopyTo(bytes.AsSpan(SealedChoice.CiphertextOffset(2)));
        Assert.False(SealedChoice.FromBytes(bytes, Grades).Verify(key, Subject));
    }

    [Fact]
    public void Verify_TamperedProofScalar_False()
    {
        var bytes = SealedChoice.Seal(3, Grades, key, Subject).ToBytes();
        foreach (var offset in new[] { SealedChoice.CiphertextOffset(Grades) + 5, bytes.Length - 1 })
        {
            var tampered = (byte[])bytes.Clone();
            tampered[offset] ^= 1;
            Assert.False(SealedChoice.FromBytes(tampered, Grades).Verify(key, Subject));
        }
    }

    [Fact]
    public void Verify_TwoOnes_SumProofFails()
    {
        // Each ciphertext is a 0 or a 1, so their proofs are honest, but the sum is 2: no r makes ΣB − G = r·H.
        var forged = Forge([1, 1, 0, 0], claims: [1, 1, 0, 0]);
        Assert.False(forged.Verify(key, Subject));
    }

    [Fact]
    public void Verify_AGradeOfTwo_ZeroOrOneProofFails()
    {
        // 2 and −1 add up to 1, so the sum proof is honest; whatever the forger claims for them, their proofs fail.
        var minusOne = P256.Order.Subtract(BigInteger.One);
        foreach (var claim in new[] { 0, 1 })
        {
            var forged = Forge([BigInteger.Two, minusOne, BigInteger.Zero, BigInteger.Zero], claims: [claim, claim, 0, 0]);
            Assert.False(forged.Verify(key, Subject));
        }
    }

    [Fact]
    public void Forge_OneHot_Verifies()
    {
        // The forger's construction is the honest one: on a one-hot vector it passes, so the two tests above fail for
        // the vector, not for the construction.
        Assert.True(Forge([0, 0, 1, 0], claims: [0, 0, 1, 0]).Verify(key, Subject));
    }

    private SealedChoice Forge(int[] values, int[] claims) => Forge([.. values.Select(v => BigInteger.ValueOf(v))], claims);

    private SealedChoice Forge(BigInteger[] values, int[] claims)
    {
        var r = values.Select(_ => P256.RandomScalar()).ToArray();
        var ciphertexts = values.Select((v, i) => Normalized(new Ciphertext(P256.MultiplyG(r[i]), P256.MultiplyG(v).Add(key.Point.Multiply(r[i]))))).ToArray();
        var proofs = ciphertexts.Select((c, i) => ZeroOrOneProof.Create(c, claims[i], r[i], key, new(Subject, i, values.Length))).ToArray();
        var sumOfR = r.Aggregate(BigInteger.Zero, (s, k) => s.Add(k)).Mod(P256.Order);
        var sumProof = EqualLogProof.Create(SealedChoice.SumLabel, Subject, [P256.G, key.Point], SealedChoice.SumImages(ciphertexts), sumOfR);
        return new SealedChoice(ciphertexts, proofs, sumProof);
    }

    private static Ciphertext Normalized(Ciphertext c) => new(c.A.Normalize(), c.B.Normalize());

    [Fact]
    public void FromBytes_RoundTrip_SameBytesAndVerifies()
    {
        var bytes = SealedChoice.Seal(1, Grades, key, Subject).ToBytes();
        Assert.Equal(1097, bytes.Length);
        var read = SealedChoice.FromBytes(bytes, Grades);
        Assert.Equal(bytes, read.ToBytes());
        Assert.True(read.Verify(key, Subject));
    }

    [Fact]
    public void FromBytes_Garbage_Refused()
    {
        var bytes = SealedChoice.Seal(1, Grades, key, Subject).ToBytes();
        Assert.Throws<FormatException>(() => SealedChoice.FromBytes(bytes.AsSpan(1), Grades));
        Assert.Throws<FormatException>(() => SealedChoice.FromBytes(bytes, 3));
        var notOnCurve = (byte[])bytes.Clone();
        notOnCurve[SealedChoice.CiphertextOffset(0) + 64] ^= 1; // A's last y byte
        Assert.Throws<FormatException>(() => SealedChoice.FromBytes(notOnCurve, Grades));
        var scalarTooBig = (byte[])bytes.Clone();
        scalarTooBig.AsSpan(SealedChoice.CiphertextOffset(Grades), 32).Fill(0xFF);
        Assert.Throws<FormatException>(() => SealedChoice.FromBytes(scalarTooBig, Grades));
        var identity = (byte[])bytes.Clone();
        identity.AsSpan(SealedChoice.CiphertextOffset(0), P256.PointLength).Clear();
        Assert.Throws<FormatException>(() => SealedChoice.FromBytes(identity, Grades));
    }

    [Fact]
    public void Seal_ChoiceOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SealedChoice.Seal(Grades, Grades, key, Subject));
        Assert.Throws<ArgumentOutOfRangeException>(() => SealedChoice.Seal(-1, Grades, key, Subject));
    }
}
