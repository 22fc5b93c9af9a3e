using Jishi.Web.Features.Reviews;
using static Jishi.Web.Features.Reviews.ReviewScoring;

namespace Jishi.UnitTests.Features.Reviews;

public sealed class ResultsBreakdownTests
{
    private static readonly GroupInput[] TwoGroups = [new(1, 3), new(2, 1)];

    [Fact]
    public void BreakDown_FourBallots_NotBrokenOut_FiveBallots_CountsAndMean()
    {
        // Group 1 cast 5 ballots (3 好, 2 一般 for subject 10); group 2 only 4 (all 差).
        Count[] counts = [new(10, 1, Grade.Good, 3), new(10, 1, Grade.Average, 2), new(10, 2, Grade.Poor, 4)];
        var parts = BreakDown(10, TwoGroups, new Dictionary<int, int> { [1] = 5, [2] = 4 }, counts, new ReviewScale());

        Assert.Equal([1, 2], parts.Select(p => p.VoterGroupId));
        var shown = parts[0];
        Assert.True(shown.BrokenOut);
        Assert.Equal(5, shown.Ballots);
        Assert.Equal(3, shown.Counts![Grade.Good]);
        Assert.Equal(0, shown.Counts[Grade.FairlyGood]);
        Assert.Equal(2, shown.Counts[Grade.Average]);
        Assert.Equal((3 * 100 + 2 * 60) / 5.0, shown.Mean!.Value, 9);
        var hidden = parts[1];
        Assert.False(hidden.BrokenOut);
        Assert.Null(hidden.Counts);
        Assert.Null(hidden.Mean);
    }

    [Fact]
    public void BreakDown_HiddenGroup_StillCountsInTheScore()
    {
        Count[] counts = [new(10, 1, Grade.Good, 5), new(10, 2, Grade.Poor, 4)];
        var score = Compute([new(10, null, false)], TwoGroups, counts, new ReviewScale(), 0.4).Single();
        // (100 × 3 + 40 × 1) / 4: the 4 ballots of group 2 weigh in although group 2 is not broken out.
        Assert.Equal(85, score.BallotScore, 9);
        Assert.Equal(4, score.Counts[Grade.Poor]);
    }

    [Fact]
    public void BreakDown_ThresholdIsFive()
    {
        Assert.Equal(5, MinBallotsToBreakOut);
        var parts = BreakDown(10, TwoGroups, new Dictionary<int, int> { [1] = MinBallotsToBreakOut - 1 }, [], new ReviewScale());
        Assert.All(parts, p => Assert.False(p.BrokenOut));
    }

    [Fact]
    public void BreakDown_BrokenOutGroupWithoutRatingsOfThisSubject_ZeroCountsNoMean()
    {
        var parts = BreakDown(11, TwoGroups, new Dictionary<int, int> { [1] = 6, [2] = 6 }, [new(10, 1, Grade.Good, 6)], new ReviewScale());
        Assert.True(parts[0].BrokenOut);
        Assert.All(parts[0].Counts!.Values, n => Assert.Equal(0, n));
        Assert.Null(parts[0].Mean);
    }

    [Fact]
    public void FavourableRate_GoodAndFairlyGoodOverAll()
    {
        var rate = FavourableRate(new Dictionary<Grade, int> { [Grade.Good] = 2, [Grade.FairlyGood] = 1, [Grade.Average] = 2, [Grade.Poor] = 1 });
        Assert.Equal(0.5, rate!.Value, 9);
        Assert.Equal("50.00%", ResultFormat.Rate(rate));
    }

    [Fact]
    public void FavourableRate_NoRatings_Null()
    {
        Assert.Null(FavourableRate(new Dictionary<Grade, int> { [Grade.Good] = 0, [Grade.Poor] = 0 }));
        Assert.Equal("—", ResultFormat.Rate(null));
    }

    [Fact]
    public void RawCounts_BrokenOutGroupPerGrade_HiddenGroupOneRow_TotalsPerGrade()
    {
        var counts = new Dictionary<string, int> { ["好"] = 7, ["较好"] = 1, ["一般"] = 0, ["差"] = 1 };
        var result = new SubjectResult(10, "张三", counts, 90, null, 90, true, "好", 1)
        {
            Groups =
            [
                new GroupResult(1, "街道党工委成员", true, 5, new Dictionary<string, int> { ["好"] = 4, ["较好"] = 1, ["一般"] = 0, ["差"] = 0 }, 96),
                new GroupResult(2, "社区干部", false, null, null, null),
            ],
        };

        var rows = ExportResults.RawCounts([result]).ToList();

        Assert.Equal(4 + 1 + 4, rows.Count);
        Assert.Equal([4, 1, 0, 0], rows.Take(4).Select(r => r.Count!.Value));
        Assert.All(rows.Take(4), r => Assert.Equal("街道党工委成员", r.Group));
        Assert.Equal(new ExportResults.RawCount(10, "社区干部", null, null), rows[4]);
        Assert.Equal(["好", "较好", "一般", "差"], rows.Skip(5).Select(r => r.Grade!));
        Assert.Equal([7, 1, 0, 1], rows.Skip(5).Select(r => r.Count!.Value));
        Assert.All(rows.Skip(5), r => Assert.Null(r.Group));
    }
}
