using Jishi.Web.Features.Grading;

namespace Jishi.UnitTests.Features.Grading;

public sealed class GradingFormulaTests
{
    private static readonly GradingSettings Defaults = new();

    /// <summary>Branches whose totals are exactly the given numbers: basic = total, evaluation = total.</summary>
    private static List<GradingInput> WithTotals(params decimal[] totals) =>
        totals.Select((t, i) => new GradingInput(i + 1, t, 0, t, false)).ToList();

    private static GradingOutcome Of(IReadOnlyList<GradingOutcome> outcomes, int key) => outcomes.Single(o => o.Key == key);

    [Fact]
    public void TotalOf_DefaultWeights_SeventyThirtyOfNetAndEvaluation()
    {
        var total = GradingFormula.TotalOf(new GradingInput(1, 92, 4, 80, false), Defaults);

        Assert.Equal(85.6m, total); // (92 − 4) × 0.7 + 80 × 0.3
    }

    [Fact]
    public void TotalOf_ConfiguredWeights_UsesThem()
    {
        var total = GradingFormula.TotalOf(new GradingInput(1, 80, 0, 100, false), Defaults with { BasicWeight = 0.5m, EvaluationWeight = 0.5m });

        Assert.Equal(90m, total);
    }

    [Fact]
    public void TotalOf_DeductionsAboveBasic_NetIsZero()
    {
        Assert.Equal(15m, GradingFormula.TotalOf(new GradingInput(1, 5, 20, 50, false), Defaults));
    }

    [Fact]
    public void TotalOf_ThirdDecimal_RoundsHalfAwayFromZeroBeforeBanding()
    {
        // 89.995 rounds to 90.00, which is ★5 band; 89.994 stays below.
        var up = GradingFormula.TotalOf(new GradingInput(1, 0, 0, 89.995m, false), Defaults with { BasicWeight = 0, EvaluationWeight = 1 });
        var down = GradingFormula.TotalOf(new GradingInput(1, 0, 0, 89.994m, false), Defaults with { BasicWeight = 0, EvaluationWeight = 1 });

        Assert.Equal((90.00m, 5, 89.99m, 4), (up, GradingFormula.StarsOf(up), down, GradingFormula.StarsOf(down)));
    }

    [Theory]
    [InlineData(100, 5)]
    [InlineData(90, 5)]
    [InlineData(89.99, 4)]
    [InlineData(80, 4)]
    [InlineData(79.99, 3)]
    [InlineData(70, 3)]
    [InlineData(69.99, 2)]
    [InlineData(60, 2)]
    [InlineData(59.99, 1)]
    [InlineData(0, 1)]
    public void StarsOf_BandEdges_Stars(double total, int stars)
    {
        Assert.Equal(stars, GradingFormula.StarsOf((decimal)total));
    }

    [Theory]
    [InlineData(5, GradeCategory.Advanced)]
    [InlineData(4, GradeCategory.Advanced)]
    [InlineData(3, GradeCategory.Average)]
    [InlineData(2, GradeCategory.Lagging)]
    [InlineData(1, GradeCategory.Lagging)]
    public void CategoryOf_Stars_Category(int stars, GradeCategory category)
    {
        Assert.Equal(category, GradingFormula.CategoryOf(stars));
    }

    [Fact]
    public void Grade_MoreFiveStarsThanShare_LowestDropToFour()
    {
        // Ten branches, 30 % → three may keep ★5; five reach the band.
        var outcomes = GradingFormula.Grade(WithTotals(99, 97, 95, 93, 91, 85, 75, 72, 65, 62), Defaults);

        Assert.Equal([5, 5, 5, 4, 4], outcomes.Take(5).Select(o => o.Stars));
        Assert.Equal([false, false, false, true, true], outcomes.Take(5).Select(o => o.CappedFromFive));
        Assert.Equal(GradeCategory.Advanced, Of(outcomes, 5).Category);
    }

    [Fact]
    public void Grade_TieStraddlesFiveStarCap_TiedBranchesDropTogether()
    {
        // Three may keep ★5, but the third and fourth tie at 95: both drop, so the cap is never exceeded.
        var outcomes = GradingFormula.Grade(WithTotals(99, 97, 95, 95, 80, 80, 80, 80, 80, 80), Defaults);

        Assert.Equal([5, 5, 4, 4], outcomes.Take(4).Select(o => o.Stars));
        Assert.Equal(2, outcomes.Count(o => o.Stars == 5));
    }

    [Fact]
    public void Grade_ConfiguredFiveStarShare_UsesIt()
    {
        var outcomes = GradingFormula.Grade(WithTotals(99, 97, 95, 93, 91, 85, 75, 72, 65, 62), Defaults with { FiveStarShare = 0.5m });

        Assert.Equal(5, outcomes.Count(o => o.Stars == 5));
    }

    [Fact]
    public void Grade_VetoHit_CapsAtOneStarLaggingWhateverTheScore()
    {
        var branches = WithTotals(98, 85, 75, 72, 65, 62, 61, 60, 66, 88);
        branches[0] = branches[0] with { Vetoed = true };

        var vetoed = Of(GradingFormula.Grade(branches, Defaults), 1);

        Assert.Equal((98m, 1, GradeCategory.Lagging, true), (vetoed.Total, vetoed.Stars, vetoed.Category, vetoed.Vetoed));
    }

    [Fact]
    public void Grade_VetoedBranch_IsTheOneMarkedForRectificationBeforeLowTotals()
    {
        var branches = WithTotals(98, 85, 75, 72, 65, 62, 61, 60, 66, 50);
        branches[0] = branches[0] with { Vetoed = true };

        var outcomes = GradingFormula.Grade(branches, Defaults);

        Assert.Equal([1], outcomes.Where(o => o.Rectify).Select(o => o.Key));
    }

    [Fact]
    public void Grade_TwentyBranches_BottomFivePercentIsOneAndLagging()
    {
        var totals = Enumerable.Range(0, 20).Select(i => 70m + i).ToArray();

        var outcomes = GradingFormula.Grade(WithTotals(totals), Defaults);

        var marked = Assert.Single(outcomes, o => o.Rectify);
        Assert.Equal((70m, 2, GradeCategory.Lagging), (marked.Total, marked.Stars, marked.Category));
    }

    [Fact]
    public void Grade_TenPercentBottomShare_MarksTwoOfTwenty()
    {
        var totals = Enumerable.Range(0, 20).Select(i => 70m + i).ToArray();

        var outcomes = GradingFormula.Grade(WithTotals(totals), Defaults with { BottomShare = 0.10m });

        Assert.Equal([70m, 71m], outcomes.Where(o => o.Rectify).Select(o => o.Total).Order());
    }

    [Fact]
    public void Grade_FewBranches_AtLeastOneMarked()
    {
        var outcomes = GradingFormula.Grade(WithTotals(95, 85, 75), Defaults);

        Assert.Equal([3], outcomes.Where(o => o.Rectify).Select(o => o.Key));
    }

    [Fact]
    public void Grade_TieAtBottomBoundary_AllTiedMarked()
    {
        var outcomes = GradingFormula.Grade(WithTotals(95, 85, 75, 64, 64), Defaults);

        Assert.Equal([4, 5], outcomes.Where(o => o.Rectify).Select(o => o.Key));
    }

    [Fact]
    public void Grade_NoBranches_NothingAndNoFailure()
    {
        Assert.Empty(GradingFormula.Grade([], Defaults));
    }

    [Fact]
    public void Grade_Ranks_TiesShareRank()
    {
        var outcomes = GradingFormula.Grade(WithTotals(90, 85, 85, 70), Defaults);

        Assert.Equal([1, 2, 2, 4], outcomes.Select(o => o.Rank));
    }
}
