using Jishi.Web.Features.Reviews;
using Jishi.Web.Shared;

namespace Jishi.UnitTests.Features.Reviews;

public sealed class WorkReportTests
{
    private static readonly DateTime At = new(2016, 2, 5, 2, 0, 0, DateTimeKind.Utc);

    private static WorkReport Complete()
    {
        var report = new WorkReport(7);
        Assert.Null(report.Edit("推行党员积分制", ["党员教育管理方式单一", "软弱涣散党组织整顿成效不明显"], "丰富教育形式"));
        return report;
    }

    [Fact]
    public void Edit_UnchangedItems_KeepTheirRowsAndOrderFollowsTheList()
    {
        var report = Complete();
        var kept = report.Problems.Single(p => p.Text == "软弱涣散党组织整顿成效不明显");

        Assert.Null(report.Edit("推行党员积分制", ["新发现的问题", "软弱涣散党组织整顿成效不明显", "  "], "丰富教育形式"));

        Assert.Equal(2, report.Problems.Count);
        Assert.Same(kept, report.Problems.Single(p => p.Text == "软弱涣散党组织整顿成效不明显"));
        Assert.Equal(1, kept.Position);
        Assert.Equal(0, report.Problems.Single(p => p.Text == "新发现的问题").Position);
    }

    [Fact]
    public void Edit_TooManyOrTooLongItems_InvalidAndUnchanged()
    {
        var report = Complete();
        var many = Enumerable.Range(1, WorkReport.MaxProblems + 1).Select(i => "问题" + i).ToList();

        var error = Assert.IsType<ValidationError>(report.Edit("成绩", many, "打算"));
        Assert.Contains(error.Problems, p => p.Code == "WorkReport.TooManyProblems");
        Assert.IsType<ValidationError>(report.Edit("成绩", [new string('问', WorkReport.MaxProblemLength + 1)], "打算"));
        Assert.Equal("推行党员积分制", report.Achievements);
        Assert.Equal(2, report.Problems.Count);
    }

    [Fact]
    public void Submit_MissingSections_ListsEachAndStaysDraft()
    {
        var report = new WorkReport(7);
        Assert.Null(report.Edit(" ", [], null));

        var error = Assert.IsType<ValidationError>(report.Submit(At));

        Assert.Equal(["achievements", "problems", "nextSteps"], error.Problems.Select(p => p.Field));
        Assert.Equal(WorkReportStatus.Draft, report.Status);
        Assert.Null(report.SubmittedOn);
    }

    [Fact]
    public void Submit_Complete_SubmittedAndNoLongerEditable()
    {
        var report = Complete();

        Assert.Null(report.Submit(At));

        Assert.Equal(WorkReportStatus.Submitted, report.Status);
        Assert.Equal(At, report.SubmittedOn);
        Assert.Equal("WorkReport.WrongState", report.Edit("改", ["改"], "改")?.Code);
        Assert.Equal(409, report.Submit(At)?.Status);
        Assert.Equal("推行党员积分制", report.Achievements);
    }

    [Fact]
    public void Return_Draft_Conflict()
    {
        var report = Complete();
        Assert.Equal("WorkReport.WrongState", report.Return("请补充数据")?.Code);
        Assert.Equal(WorkReportStatus.Draft, report.Status);
    }

    [Fact]
    public void Return_WithoutReason_InvalidAndStillSubmitted()
    {
        var report = Complete();
        Assert.Null(report.Submit(At));

        Assert.IsType<ValidationError>(report.Return("   "));
        Assert.IsType<ValidationError>(report.Return(new string('因', WorkReport.MaxReasonLength + 1)));
        Assert.Equal(WorkReportStatus.Submitted, report.Status);
    }

    [Fact]
    public void Return_ThenEditAndSubmit_SubmittedAgainWithTheReasonKept()
    {
        var report = Complete();
        Assert.Null(report.Submit(At));
        Assert.Null(report.Return(" 问题找得不准，请结合整改台账重写 "));
        Assert.Equal(WorkReportStatus.Returned, report.Status);
        Assert.Equal("问题找得不准，请结合整改台账重写", report.ReturnReason);

        Assert.Null(report.Edit("推行党员积分制", ["发展党员工作滞后"], "严把发展党员质量关"));
        Assert.Null(report.Submit(At.AddDays(1)));

        Assert.Equal(WorkReportStatus.Submitted, report.Status);
        Assert.Equal(At.AddDays(1), report.SubmittedOn);
        Assert.Equal("发展党员工作滞后", Assert.Single(report.Problems).Text);
    }

    [Fact]
    public void RectificationSubmit_FilesWithoutText_AwaitsVerification()
    {
        var task = new Rectification(1, 2, "台账不全", "王建华", new DateOnly(2016, 6, 30));
        Assert.Null(task.Start("补齐台账"));

        Assert.IsType<ValidationError>(task.Submit(null));
        Assert.Equal(RectificationStatus.InProgress, task.Status);
        Assert.Null(task.Submit(null, hasFiles: true));

        Assert.Equal(RectificationStatus.AwaitingVerification, task.Status);
        Assert.Null(task.Evidence);
    }
}
