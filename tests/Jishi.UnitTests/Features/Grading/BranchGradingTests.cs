using Jishi.Web.Features.Grading;

namespace Jishi.UnitTests.Features.Grading;

public sealed class BranchGradingTests
{
    private static readonly DateTime At = new(2017, 11, 20, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Indicators with ids 1..4: two basic items, a deduction and a veto (ids are set as the database would).</summary>
    private static List<Indicator> Indicators()
    {
        var list = new List<Indicator>
        {
            new(1, "组织建设", "班子建设", "", 60, "", false, false, IndicatorKind.Basic, null),
            new(2, "作用发挥", "宣传报道", "", 40, "", false, false, IndicatorKind.Basic, "publicity"),
            new(3, "扣分项", "交办事项", "", 5, "", false, false, IndicatorKind.Deduction, null),
            new(4, "一票否决", "违纪违法", "", 0, "", false, true, IndicatorKind.Deduction, null),
        };
        for (var i = 0; i < list.Count; i++)
        {
            typeof(Indicator).GetProperty(nameof(Indicator.Id))!.SetValue(list[i], i + 1);
        }
        return list;
    }

    [Fact]
    public void Input_LaterStages_CountOverTheBranchsOwnScore()
    {
        var grading = new BranchGrading(1, 10);
        grading.Score(1, ScoreStage.Self, 58, false, null, "zb", At);
        grading.Score(1, ScoreStage.Community, 50, false, "记录不全", "sq", At);
        grading.Score(2, ScoreStage.Street, 30, false, null, "admin", At);
        grading.Score(3, ScoreStage.Self, 2, false, null, "zb", At);
        grading.SetEvaluation(80);

        var input = grading.Input(Indicators());

        Assert.Equal((80m, 2m, 80m, false), (input.Basic, input.Deductions, input.Evaluation, input.Vetoed));
    }

    [Fact]
    public void Input_VetoHitAtAnyStage_Vetoed()
    {
        var grading = new BranchGrading(1, 10);
        grading.Score(4, ScoreStage.Self, 0, false, null, "zb", At);
        grading.Score(4, ScoreStage.Street, 0, true, "班子成员受党纪处分", "admin", At);

        Assert.True(grading.Input(Indicators()).Vetoed);
    }

    [Fact]
    public void Score_SameStageTwice_ReplacesIt()
    {
        var grading = new BranchGrading(1, 10);
        grading.Score(1, ScoreStage.Self, 40, false, null, "zb", At);
        grading.Score(1, ScoreStage.Self, 45, false, "补充材料", "zb", At);

        var score = Assert.Single(grading.Scores);
        Assert.Equal((45m, "补充材料"), (score.Score, score.Note));
    }

    [Theory]
    [InlineData(new[] { 3.0, 1.0, 2.0 }, 2.0)]
    [InlineData(new[] { 4.0, 1.0, 2.0, 3.0 }, 2.5)]
    [InlineData(new[] { 7.5 }, 7.5)]
    public void Median_Values_MiddleOrMeanOfTheTwoMiddle(double[] values, double median)
    {
        Assert.Equal((decimal)median, BranchSheetQueries.Median(values.Select(v => (decimal)v).ToList()));
    }

    [Fact]
    public void Median_NoValues_Null()
    {
        Assert.Null(BranchSheetQueries.Median([]));
    }

    [Fact]
    public void MoveTo_Final_OnlyAfterPostingAndWithEveryObjectionAnswered()
    {
        var round = new GradingRound(1, 2017, 1, new DateOnly(2017, 11, 30), 5, new GradingSettings(), "admin", At);
        foreach (var step in new[] { RoundStatus.SelfEvaluation, RoundStatus.CommunityReview, RoundStatus.StreetDecision, RoundStatus.Posted })
        {
            round.MoveTo(step, new DateOnly(2017, 12, 20), 0, At);
        }

        Assert.Equal(new DateOnly(2017, 12, 25), round.PostingEndsOn);
        Assert.Equal("Grading.PostingNotOver", round.WhyNotChangeable(RoundStatus.Final, new DateOnly(2017, 12, 24), 0));
        Assert.Equal("Grading.ObjectionsOpen", round.WhyNotChangeable(RoundStatus.Final, new DateOnly(2017, 12, 25), 1));
        Assert.Null(round.WhyNotChangeable(RoundStatus.Final, new DateOnly(2017, 12, 25), 0));
        Assert.Equal("Grading.WrongStatus", round.WhyNotChangeable(RoundStatus.StreetDecision, new DateOnly(2017, 12, 25), 0));
    }
}
