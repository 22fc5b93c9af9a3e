using Jishi.Web.Features.Grading;
using Jishi.Web.Features.Turnaround;
using Jishi.Web.Shared;

namespace Jishi.UnitTests.Features.Turnaround;

public sealed class TurnaroundPlanTests
{
    private static readonly DateTime At = new(2016, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private static PlanDetails Details(HelperRole role = HelperRole.FirstSecretary, string? roleText = null, List<string>? problems = null) =>
        new("2016年度定级后进", "马卫国", null, "刘建军", role, roleText, problems ?? ["组织生活不经常"], ["每月一次主题党日"], "晋级到★★★");

    private static TurnaroundPlan Plan() => new(12, 2016, Details(), "admin", At);

    [Fact]
    public void IsOverdue_NotDoneAfterDueDate_TrueFromTheNextDay()
    {
        var milestone = Plan().AddMilestone("补选支部委员", new DateOnly(2016, 4, 15), null).Value!;

        Assert.Equal((false, false, true, 1), (milestone.IsOverdue(new DateOnly(2016, 4, 14)), milestone.IsOverdue(new DateOnly(2016, 4, 15)),
            milestone.IsOverdue(new DateOnly(2016, 4, 16)), milestone.DaysOverdue(new DateOnly(2016, 4, 16))));
    }

    [Fact]
    public void IsOverdue_DoneLate_NotOverdue()
    {
        var milestone = Plan().AddMilestone("补选支部委员", new DateOnly(2016, 4, 15), null).Value!;

        milestone.MarkDone(new DateOnly(2016, 5, 2), "5月2日补选", new DateOnly(2016, 5, 3));

        Assert.Equal((false, 0), (milestone.IsOverdue(new DateOnly(2016, 6, 1)), milestone.DaysOverdue(new DateOnly(2016, 6, 1))));
    }

    [Fact]
    public void OverdueMilestones_CancelledPlan_None()
    {
        var plan = Plan();
        plan.AddMilestone("补选支部委员", new DateOnly(2016, 4, 15), null);
        var today = new DateOnly(2016, 6, 1);
        Assert.Single(plan.OverdueMilestones(today));

        plan.Cancel("支部撤销合并", "admin", At);

        Assert.Empty(plan.OverdueMilestones(today));
    }

    [Fact]
    public void MarkDone_FutureDate_Refused()
    {
        var milestone = Plan().AddMilestone("补选支部委员", new DateOnly(2016, 4, 15), null).Value!;

        var error = milestone.MarkDone(new DateOnly(2016, 4, 20), null, new DateOnly(2016, 4, 19));

        Assert.Equal("doneOn", Assert.Single(Assert.IsType<ValidationError>(error).Problems).Field);
        Assert.Null(milestone.DoneOn);
    }

    [Fact]
    public void AddProgress_SecondInSameMonth_Conflict()
    {
        var plan = Plan();
        Assert.True(plan.AddProgress("走访 5 户", "sq01", new DateOnly(2016, 4, 3), At).IsSuccess);

        var second = plan.AddProgress("又走访 3 户", "sq01", new DateOnly(2016, 4, 28), At);

        Assert.Equal("Turnaround.ProgressExists", second.Error!.Code);
        Assert.Equal(409, second.Error.Status);
        Assert.Single(plan.Progress);
    }

    [Fact]
    public void AddProgress_NextMonth_SecondEntry()
    {
        var plan = Plan();
        plan.AddProgress("走访 5 户", "sq01", new DateOnly(2016, 4, 30), At);

        var may = plan.AddProgress("又走访 3 户", "sq01", new DateOnly(2016, 5, 1), At);

        Assert.Equal(new DateOnly(2016, 5, 1), may.Value!.Month);
        Assert.Equal(2, plan.Progress.Count);
    }

    [Fact]
    public void EditProgress_InItsMonth_ChangedAfterwardsRefused()
    {
        var entry = Plan().AddProgress("走访 5 户", "sq01", new DateOnly(2016, 4, 3), At).Value!;

        var inMonth = entry.Edit("走访 6 户", new DateOnly(2016, 4, 30), At);
        var later = entry.Edit("走访 7 户", new DateOnly(2016, 5, 1), At);

        Assert.Null(inMonth);
        Assert.Equal("Turnaround.ProgressClosed", later!.Code);
        Assert.Equal("走访 6 户", entry.Text);
    }

    [Fact]
    public void Complete_WithoutStars_RefusedAndStillActive()
    {
        var plan = Plan();

        var error = plan.Complete(new Regrading(new DateOnly(2017, 1, 15), null, null, null), new DateOnly(2017, 1, 20), "admin", At);

        Assert.Equal("stars", Assert.Single(Assert.IsType<ValidationError>(error).Problems).Field);
        Assert.Equal(TurnaroundStatus.Active, plan.Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Complete_StarsOutOfRange_Refused(int stars)
    {
        var plan = Plan();

        var error = plan.Complete(new Regrading(new DateOnly(2017, 1, 15), stars, null, null), new DateOnly(2017, 1, 20), "admin", At);

        Assert.IsType<ValidationError>(error);
        Assert.Null(plan.NewStars);
    }

    [Fact]
    public void Complete_WithoutDate_Refused()
    {
        var error = Plan().Complete(new Regrading(null, 3, null, null), new DateOnly(2017, 1, 20), "admin", At);

        Assert.Equal("regradedOn", Assert.Single(Assert.IsType<ValidationError>(error).Problems).Field);
    }

    [Theory]
    // The rule itself is GradingFormula.CategoryOf's, tested there; here only that the plan applies it.
    [InlineData(4, GradeCategory.Advanced)]
    [InlineData(2, GradeCategory.Lagging)]
    public void Complete_NoCategoryGiven_CategoryFromStars(int stars, GradeCategory category)
    {
        var plan = Plan();

        plan.Complete(new Regrading(new DateOnly(2017, 1, 15), stars, null, "复评"), new DateOnly(2017, 1, 20), "admin", At);

        Assert.Equal((TurnaroundStatus.Completed, stars, category), (plan.Status, plan.NewStars!.Value, plan.NewCategory!.Value));
    }

    [Fact]
    public void Complete_ClosedPlan_NothingChangesAfterwards()
    {
        var plan = Plan();
        plan.Complete(new Regrading(new DateOnly(2017, 1, 15), 3, null, null), new DateOnly(2017, 1, 20), "admin", At);

        var edit = plan.Edit(Details(problems: ["另一个问题"]));
        var milestone = plan.AddMilestone("再加一个", new DateOnly(2017, 3, 1), null);
        var cancel = plan.Cancel("撤销", "admin", At);

        Assert.All(new[] { edit, milestone.Error, cancel }, e => Assert.Equal("Turnaround.NotActive", e!.Code));
        Assert.Equal(TurnaroundStatus.Completed, plan.Status);
    }

    [Fact]
    public void Validate_OtherRoleWithoutNameAndNoProblems_BothFieldsReported()
    {
        var problems = Details(HelperRole.Other, null, ["  ", ""]).Validate();

        Assert.Equal(["helperRoleText", "problems"], problems.Select(p => p.Field).Order().ToArray());
    }

    [Fact]
    public void WhyNotDeletable_DoneOrWithEvidence_RecordStays()
    {
        var milestone = Plan().AddMilestone("补选支部委员", new DateOnly(2016, 4, 15), null).Value!;
        var planned = (milestone.WhyNotDeletable(hasEvidence: false)?.Code, milestone.WhyNotDeletable(hasEvidence: true)?.Code);

        milestone.MarkDone(new DateOnly(2016, 4, 10), null, new DateOnly(2016, 4, 12));

        Assert.Equal(((string?)null, "Turnaround.MilestoneRecorded"), planned);
        Assert.Equal("Turnaround.MilestoneRecorded", milestone.WhyNotDeletable(hasEvidence: false)?.Code);
    }
}
