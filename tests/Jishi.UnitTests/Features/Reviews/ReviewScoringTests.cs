using Jishi.Web.Features.Reviews;
using static Jishi.Web.Features.Reviews.ReviewScoring;

namespace Jishi.UnitTests.Features.Reviews;

public sealed class ReviewScoringTests
{
    private static readonly GroupInput[] TwoGroups = [new(1, 3), new(2, 1)];

    [Fact]
    public void Compute_TwoGroups_WeightedMeanOfGroupMeans()
    {
        // Group 1 (weight 3): 好, 较好 → mean 90. Group 2 (weight 1): 一般 → 60. (90×3 + 60×1) / 4 = 82.5.
        var scores = Compute([new(10, null, false)], TwoGroups,
            [new(10, 1, Grade.Good, 1), new(10, 1, Grade.FairlyGood, 1), new(10, 2, Grade.Average, 1)], new ReviewScale(), 0.4);
        var s = Assert.Single(scores);
        Assert.Equal(82.5, s.BallotScore, 9);
        Assert.Equal(82.5, s.CompositeScore, 9);
        Assert.True(s.Provisional);
        Assert.Equal(Grade.FairlyGood, s.Band);
        Assert.Equal(1, s.Counts[Grade.Good]);
        Assert.Equal(0, s.Counts[Grade.Poor]);
    }

    [Fact]
    public void Compute_GroupWithoutBallots_LeftOutOfTheWeights()
    {
        // Only group 2 voted: its mean is the ballot score, whatever group 1's weight.
        var scores = Compute([new(10, null, false)], TwoGroups, [new(10, 2, Grade.Poor, 3)], new ReviewScale(), 0.4);
        Assert.Equal(40, scores[0].BallotScore, 9);
        Assert.Equal(Grade.Poor, scores[0].Band);
    }

    [Fact]
    public void Compute_DailyScore_CompositeByBallotWeight()
    {
        var scores = Compute([new(10, 100, false)], TwoGroups, [new(10, 1, Grade.FairlyGood, 2)], new ReviewScale(), 0.4);
        Assert.Equal(80 * 0.4 + 100 * 0.6, scores[0].CompositeScore, 9);
        Assert.False(scores[0].Provisional);
        Assert.Equal(Grade.Good, scores[0].Band);
    }

    [Fact]
    public void Compute_PoorIsZero_UsesTheCampaignScale()
    {
        var scale = new ReviewScale(Poor: 0);
        var scores = Compute([new(10, null, false)], TwoGroups, [new(10, 1, Grade.Good, 1), new(10, 1, Grade.Poor, 1)], scale, 0.4);
        Assert.Equal(50, scores[0].BallotScore, 9);
    }

    [Fact]
    public void Compute_Ties_ShareRankAndSkipNext()
    {
        SubjectInput[] subjects = [new(1, null, false), new(2, null, false), new(3, null, false), new(4, null, false)];
        Count[] counts =
        [
            new(1, 1, Grade.Good, 2),
            new(2, 1, Grade.FairlyGood, 1), new(2, 1, Grade.Average, 1),
            new(3, 1, Grade.Average, 1), new(3, 1, Grade.FairlyGood, 1),
            new(4, 1, Grade.Poor, 2),
        ];
        var ranks = Compute(subjects, TwoGroups, counts, new ReviewScale(), 0.4).ToDictionary(s => s.SubjectId, s => s.Rank);
        Assert.Equal(1, ranks[1]);
        Assert.Equal(2, ranks[2]);
        Assert.Equal(2, ranks[3]);
        Assert.Equal(4, ranks[4]);
    }

    [Fact]
    public void Compute_Veto_ForcesPoorBand()
    {
        var scores = Compute([new(10, null, true)], TwoGroups, [new(10, 1, Grade.Good, 5)], new ReviewScale(), 0.4);
        Assert.Equal(100, scores[0].CompositeScore, 9);
        Assert.Equal(Grade.Poor, scores[0].Band);
    }

    [Fact]
    public void Compute_NoBallotsAtAll_ScoreZeroNotNaN()
    {
        var scores = Compute([new(10, null, false)], TwoGroups, [], new ReviewScale(), 0.4);
        Assert.Equal(0, scores[0].BallotScore);
        Assert.False(double.IsNaN(scores[0].CompositeScore));
    }

    [Theory]
    [InlineData(89.995, 90.00)]
    [InlineData(-1.005, -1.01)]
    [InlineData(82.125, 82.13)]
    public void Round_HalfAwayFromZero(double value, double expected) => Assert.Equal(expected, ReviewScoring.Round(value));

    [Theory]
    [InlineData(90, Grade.Good)]
    [InlineData(89.99, Grade.FairlyGood)]
    [InlineData(80, Grade.FairlyGood)]
    [InlineData(60, Grade.Average)]
    [InlineData(59.99, Grade.Poor)]
    public void BandOf_DefaultBands(double score, Grade band) => Assert.Equal(band, new ReviewScale().BandOf(score));
}
