using Jishi.Web.Features.Reviews;
using static Jishi.Web.Features.Reviews.ReviewScoring;

namespace Jishi.UnitTests.Features.Reviews;

/// <summary>Scoring with rating dimensions: a ballot's value for a subject is the mean of its dimension values, and the
/// group mean the mean of the ballot values.</summary>
public sealed class ReviewScoringDimensionTests
{
    private static readonly ReviewScale PoorIsZero = new(Poor: 0);

    [Fact]
    public void Compute_DimensionsAndAGroupWithoutBallots_MeanOfBallotMeans()
    {
        // Dimensions 7, 8, 9; 差 = 0. Group 1 (weight 3): ballot A 好 较好 差 → 60, ballot B 一般 好 好 → 260/3; group mean
        // (60 + 260/3) / 2 = 220/3. Group 2 (weight 1) cast nothing and is left out: the ballot score is 220/3.
        var scores = Compute([new(10, null, false)], [new(1, 3), new(2, 1)],
        [
            new(10, 1, Grade.Good, 1, 7), new(10, 1, Grade.Average, 1, 7),
            new(10, 1, Grade.FairlyGood, 1, 8), new(10, 1, Grade.Good, 1, 8),
            new(10, 1, Grade.Poor, 1, 9), new(10, 1, Grade.Good, 1, 9),
        ], PoorIsZero, 0.4);
        var s = Assert.Single(scores);
        Assert.Equal(220.0 / 3, s.BallotScore, 9);
        Assert.Equal(Grade.Average, s.Band);
    }

    [Fact]
    public void Compute_DimensionsTwoGroups_WeightedMeanOfGroupMeans()
    {
        // As above, plus group 2 (weight 1): one ballot 差 差 一般 → 20; group 3 (weight 5) cast nothing.
        // (220/3 × 3 + 20 × 1) / 4 = 60.
        var scores = Compute([new(10, null, false)], [new(1, 3), new(2, 1), new(3, 5)],
        [
            new(10, 1, Grade.Good, 1, 7), new(10, 1, Grade.Average, 1, 7),
            new(10, 1, Grade.FairlyGood, 1, 8), new(10, 1, Grade.Good, 1, 8),
            new(10, 1, Grade.Poor, 1, 9), new(10, 1, Grade.Good, 1, 9),
            new(10, 2, Grade.Poor, 1, 7), new(10, 2, Grade.Poor, 1, 8), new(10, 2, Grade.Average, 1, 9),
            new(10, 3, Grade.Good, 0, 7),
        ], PoorIsZero, 0.4);
        Assert.Equal(60, scores[0].BallotScore, 9);
    }

    [Fact]
    public void Compute_Dimensions_CountsEveryRatingOfEveryDimension()
    {
        // Three ballots on two dimensions: six ratings.
        var scores = Compute([new(10, null, false)], [new(1, 1)],
            [new(10, 1, Grade.Good, 2, 7), new(10, 1, Grade.Poor, 1, 7), new(10, 1, Grade.Good, 3, 8)], new ReviewScale(), 0.4);
        Assert.Equal(5, scores[0].Counts[Grade.Good]);
        Assert.Equal(1, scores[0].Counts[Grade.Poor]);
        Assert.Equal(0, scores[0].Counts[Grade.Average]);
        // Dimension 7: (100 + 100 + 40) / 3 = 80; dimension 8: 100; mean 90.
        Assert.Equal(90, scores[0].BallotScore, 9);
    }

    [Fact]
    public void Compute_RandomBallots_TalliesGiveTheMeanOfPerBallotMeans()
    {
        // The identity the tallies rest on (see ReviewScoring.Compute): with every ballot rating every dimension, the mean
        // over ballots of per-ballot dimension means equals the mean over dimensions of per-dimension means. Checked here
        // against a direct computation from individual ballots.
        var random = new Random(20161213);
        int[] dimensions = [3, 5, 8, 13, 21];
        GroupInput[] groups = [new(1, 0.5), new(2, 0.3), new(3, 0.2), new(4, 1)];
        var ballots = groups.Take(3).SelectMany(g => Enumerable.Range(0, random.Next(1, 40)).Select(_ =>
            (Group: g.VoterGroupId, Grades: dimensions.ToDictionary(d => d, _ => (Grade)random.Next(4))))).ToList();

        var direct = groups.Select(g => ballots.Where(b => b.Group == g.VoterGroupId).ToList()).Where(b => b.Count > 0)
            .Select(b => (Mean: b.Average(x => x.Grades.Values.Average(PoorIsZero.ValueOf)),
                Weight: groups.First(g => g.VoterGroupId == b[0].Group).Weight)).ToList();
        var expected = direct.Sum(x => x.Mean * x.Weight) / direct.Sum(x => x.Weight);

        var counts = ballots.SelectMany(b => b.Grades.Select(r => (b.Group, Dimension: r.Key, Grade: r.Value)))
            .GroupBy(k => k).Select(k => new Count(10, k.Key.Group, k.Key.Grade, k.Count(), k.Key.Dimension)).ToList();
        var scores = Compute([new(10, null, false)], groups, counts, PoorIsZero, 0.4);

        Assert.Equal(expected, scores[0].BallotScore, 9);
        Assert.Equal(ballots.Count * dimensions.Length, scores[0].Counts.Values.Sum());
    }
}
