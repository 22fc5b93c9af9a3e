using Jishi.Web.Features.Reviews.Sealing;
using static Jishi.UnitTests.Features.Reviews.Sealing.SealingTestData;

namespace Jishi.UnitTests.Features.Reviews.Sealing;

public sealed class TallyTests
{
    private static readonly DiscreteLog Log = new(1000);

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void SumChoices_SealedGrades_TrusteesDecryptTheCounts(int trustees)
    {
        var (shares, publicShares, key) = Trustees(trustees);
        // Two groups (e.g. two subjects), each with its own context and its own grades.
        int[][] grades = [[0, 1, 1, 3, 0, 0, 2], [3, 3, 3]];
        var groups = grades.Select((g, s) =>
            (IReadOnlyList<byte[]>)[.. g.Select(grade => SealedChoice.Seal(grade, Grades, key, Context($"subject {s}")).ToBytes())]).ToArray();

        var sums = Tally.SumChoices(groups, Grades);

        for (var s = 0; s < grades.Length; s++)
        {
            for (var grade = 0; grade < Grades; grade++)
            {
                var sumContext = Context($"campaign 7 sum {s}/{grade}");
                var parts = shares.Select(share => PartialDecryption.Create(share, sums[s][grade], sumContext)).ToArray();
                Assert.All(parts, (p, i) => Assert.True(p.Verify(publicShares[i].Point, sums[s][grade], sumContext)));
                Assert.True(PartialDecryption.TryCombine(sums[s][grade], parts, Log, out var count));
                Assert.Equal(grades[s].Count(g => g == grade), count);
            }
        }
    }

    [Fact]
    public void TryCombine_MissingTrustee_NoCount()
    {
        var (shares, _, key) = Trustees(2);
        var sum = new CiphertextSum();
        sum.Add(Ciphertext.Encrypt(5, key));
        var total = sum.Total();
        var onlyOne = PartialDecryption.Create(shares[0], total, Context("sum"));
        Assert.False(PartialDecryption.TryCombine(total, [onlyOne], Log, out _));
    }

    [Fact]
    public void Verify_WrongTrusteeSecret_ProofFails()
    {
        var (shares, publicShares, key) = Trustees(2);
        var total = Ciphertext.Encrypt(3, key);
        var context = Context("sum");
        var impostor = TrusteeShare.Create();
        var part = PartialDecryption.Create(impostor, total, context);
        Assert.False(part.Verify(publicShares[0].Point, total, context));
        Assert.True(PartialDecryption.Create(shares[0], total, context).Verify(publicShares[0].Point, total, context));
    }

    [Fact]
    public void Verify_OtherSumOrContext_ProofFails()
    {
        var (shares, publicShares, key) = Trustees(1);
        var total = Ciphertext.Encrypt(3, key);
        var part = PartialDecryption.Create(shares[0], total, Context("sum 1"));
        Assert.False(part.Verify(publicShares[0].Point, total, Context("sum 2")));
        Assert.False(part.Verify(publicShares[0].Point, Ciphertext.Encrypt(3, key), Context("sum 1")));
    }

    [Fact]
    public void TryCombine_SumOfNothing_Zero()
    {
        var (shares, publicShares, _) = Trustees(2);
        var total = new CiphertextSum().Total();
        var parts = shares.Select(s => PartialDecryption.Create(s, total, Context("empty"))).ToArray();
        Assert.All(parts, (p, i) => Assert.True(p.Verify(publicShares[i].Point, total, Context("empty"))));
        Assert.True(PartialDecryption.TryCombine(total, parts, Log, out var count));
        Assert.Equal(0, count);
    }

    [Fact]
    public void SumChoices_PointOffTheCurve_Refused()
    {
        var key = Trustees(1).Key;
        var choice = SealedChoice.Seal(0, Grades, key, Context("s")).ToBytes();
        choice[SealedChoice.CiphertextOffset(0) + 64] ^= 1;
        Assert.Throws<InvalidDataException>(() => Tally.SumChoices([[choice]], Grades));
    }

    [Fact]
    public void SumChoices_CoordinateOutsideTheField_Refused()
    {
        var key = Trustees(1).Key;
        var choice = SealedChoice.Seal(0, Grades, key, Context("s")).ToBytes();
        choice.AsSpan(SealedChoice.CiphertextOffset(1) + 1, 32).Fill(0xFF);
        Assert.Throws<InvalidDataException>(() => Tally.SumChoices([[choice]], Grades));
    }

    [Fact]
    public void SumChoices_WrongLength_Refused()
    {
        var key = Trustees(1).Key;
        var choice = SealedChoice.Seal(0, 3, key, Context("s")).ToBytes();
        Assert.Throws<FormatException>(() => Tally.SumChoices([[choice]], Grades));
    }

    [Fact]
    public void SumChoices_MoreThanOneBlock_SameAsOneByOne()
    {
        // 2,500 choices: more than one block of the parallel sum, added per group at the end.
        var key = Trustees(1).Key;
        var ciphertexts = SealedChoice.Seal(1, 2, key, Context("s")).ToBytes();
        var many = Enumerable.Repeat(ciphertexts, 2500).ToArray();
        var one = SealedChoice.FromBytes(ciphertexts, 2).Ciphertexts[1];
        var expected = new CiphertextSum();
        for (var i = 0; i < 2500; i++)
            expected.Add(one);
        Assert.Equal(expected.Total(), Tally.SumChoices([many], 2)[0][1]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16383)]
    [InlineData(16384)]
    [InlineData(999_999)]
    [InlineData(1_000_000)]
    public void TryFind_SmallMultiple_Found(int m)
    {
        var log = new DiscreteLog(1_000_000);
        Assert.True(log.TryFind(m == 0 ? P256.Infinity : P256.MultiplyG(Org.BouncyCastle.Math.BigInteger.ValueOf(m)), out var found));
        Assert.Equal(m, found);
    }

    [Fact]
    public void TryFind_AboveMax_NotFound()
    {
        Assert.False(Log.TryFind(P256.MultiplyG(Org.BouncyCastle.Math.BigInteger.ValueOf(1001)), out _));
        Assert.False(Log.TryFind(P256.G.Negate(), out _));
    }
}
