using Jishi.Web.Features.MemberEvaluation;
using Jishi.Web.Features.Members;

namespace Jishi.UnitTests.Features.MemberEvaluation;

public sealed class EvaluationRulesTests
{
    [Theory]
    [InlineData(MemberCategory.Full, MemberStatus.Active, true)]
    [InlineData(MemberCategory.Probationary, MemberStatus.Active, false)]
    [InlineData(MemberCategory.Full, MemberStatus.TransferredOut, false)]
    public void IsGraded_CategoryAndStatus_OnlyActiveFullMembers(MemberCategory category, MemberStatus status, bool graded) =>
        Assert.Equal(graded, EvaluationRules.IsGraded(category, status));

    [Theory]
    [InlineData(10, 20, false)]
    [InlineData(11, 20, true)]
    [InlineData(10, 19, true)]
    [InlineData(9, 19, false)]
    [InlineData(0, 0, false)]
    public void QuorumMet_BallotsAgainstEligible_MoreThanHalfNeeded(int cast, int eligible, bool met) =>
        Assert.Equal(met, EvaluationRules.QuorumMet(cast, eligible));

    [Theory]
    [InlineData(20, 11)]
    [InlineData(19, 10)]
    [InlineData(1, 1)]
    public void Quorum_Eligible_FewestBallotsThatMeetIt(int eligible, int quorum)
    {
        Assert.Equal(quorum, EvaluationRules.Quorum(eligible));
        Assert.True(EvaluationRules.QuorumMet(quorum, eligible));
        Assert.False(EvaluationRules.QuorumMet(quorum - 1, eligible));
    }

    [Theory]
    [InlineData(9, 3)]
    [InlineData(10, 3)]
    [InlineData(11, 3)]
    [InlineData(12, 4)]
    [InlineData(2, 0)]
    public void MaxExcellent_Graded_OneThirdRoundedDown(int graded, int max) =>
        Assert.Equal(max, EvaluationRules.MaxExcellent(graded));

    [Fact]
    public void CheckDecision_FourExcellentOfTen_TooManyExcellent()
    {
        var graded = Enumerable.Range(1, 10).ToHashSet();
        var grades = graded.ToDictionary(id => id, id => id <= 4 ? MemberGrade.Excellent : MemberGrade.Qualified);

        var problems = EvaluationRules.CheckDecision(graded, grades);

        var problem = Assert.Single(problems);
        Assert.Equal("Evaluation.TooManyExcellent", problem.Code);
        Assert.Equal([4, 10, 3], problem.Args);
    }

    [Fact]
    public void CheckDecision_ThreeExcellentOfTen_NoProblem()
    {
        var graded = Enumerable.Range(1, 10).ToHashSet();
        var grades = graded.ToDictionary(id => id, id => id <= 3 ? MemberGrade.Excellent : id == 10 ? MemberGrade.Unqualified : MemberGrade.Qualified);

        Assert.Empty(EvaluationRules.CheckDecision(graded, grades));
    }

    [Fact]
    public void CheckDecision_MissingAndProbationaryGraded_BothReported()
    {
        var graded = new HashSet<int> { 1, 2, 3 };
        var grades = new Dictionary<int, MemberGrade> { [1] = MemberGrade.Qualified, [99] = MemberGrade.Qualified };

        var codes = EvaluationRules.CheckDecision(graded, grades).Select(p => p.Code).ToList();

        Assert.Equal(["Evaluation.GradesMissing", "Evaluation.NotGraded"], codes);
    }
}
