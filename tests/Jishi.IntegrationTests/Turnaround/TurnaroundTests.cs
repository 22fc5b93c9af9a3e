using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Testing;
using Jishi.Web.Features.Accounts;

namespace Jishi.IntegrationTests.Turnaround;

public sealed record PlanFileRow(int Id, string FileName, long Size, string UploadedBy);

public sealed record PlanMilestoneRow(int Id, string Title, DateOnly DueOn, DateOnly? DoneOn, bool Overdue, int DaysOverdue, List<PlanFileRow> Files);

public sealed record PlanProgressRow(int Id, DateOnly Month, string Text, string Author, bool Editable);

public sealed record PlanCanRow(bool Edit, bool Decide, bool Report);

public sealed record PlanDetailRow(int Id, int UnitId, string BranchName, int Year, string Status, int? NewStars, string? NewCategory,
    List<PlanMilestoneRow> Milestones, List<PlanProgressRow> Progress, PlanCanRow Can);

public sealed record PlanListRow(int Id, int UnitId, int Year, string Status, int Milestones, int MilestonesDone, int OverdueMilestones);

public sealed record OverdueRow(int PlanId, int MilestoneId, int UnitId, string BranchName, string Title, DateOnly DueOn, int DaysOverdue);

public sealed record SummaryRow(int? Year, int Active, int Completed, int Cancelled, List<OverdueRow> Overdue);

/// <summary>后进转化 through the API: the street creates a plan for a branch of sq08 or sq09, the community secretary and the branch
/// secretary report on it within their subtree, the street re-grades and closes it; overdue milestones reach the summary.</summary>
[Collection(ApiCollection.Name)]
public sealed class TurnaroundTests(JishiFactory factory)
{
    private DateOnly Today => factory.Clock.ServerToday();

    private static object PlanBody(int unitId, int year) => new
    {
        unitId, year, origin = $"{year}年度分类定级为后进", leaderName = "马卫国", helperName = "刘建军", helperRole = "Instructor",
        problems = new[] { "三会一课不经常", "" }, measures = new[] { "每月一次主题党日" }, target = "晋级到★★★",
    };

    /// <summary>A new plan for the <paramref name="index"/>th branch of <paramref name="secretary"/>'s community, in a year of its own.</summary>
    private async Task<(HttpClient Admin, PlanDetailRow Plan, int CommunityId)> CreateAsync(string secretary, int index, int year)
    {
        var community = await factory.CommunityOfAsync(secretary);
        var branch = (await factory.BranchesOfAsync(community.Id))[index];
        var admin = await factory.ClientForAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/turnaround/plans", PlanBody(branch.Id, year));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (admin, (await response.Content.ReadFromJsonAsync<PlanDetailRow>())!, community.Id);
    }

    private static async Task<PlanDetailRow> OkAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PlanDetailRow>())!;
    }

    private static MultipartFormDataContent Pdf(string name)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent("%PDF-1.4 支委会记录"u8.ToArray()), "file", name);
        return form;
    }

    [Fact]
    public async Task Plan_FullLifecycle_ReportedByCommunityAndBranchThenRegradedAndClosed()
    {
        var (admin, plan, _) = await CreateAsync("sq08", 0, 2031);
        Assert.Equal(("Active", true, true, true), (plan.Status, plan.Can.Edit, plan.Can.Decide, plan.Can.Report));
        var id = plan.Id;
        plan = await OkAsync(admin.PostAsJsonAsync($"/api/turnaround/plans/{id}/milestones",
            new { title = "补选支部委员", dueOn = Today.AddDays(-3) }));
        var milestone = Assert.Single(plan.Milestones);
        Assert.Equal((true, 3), (milestone.Overdue, milestone.DaysOverdue));

        var community = await factory.ClientForAsync("sq08");
        var upload = await community.PostAsync($"/api/turnaround/plans/{id}/milestones/{milestone.Id}/files", Pdf("补选会议记录.pdf"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        plan = await OkAsync(community.PostAsJsonAsync($"/api/turnaround/plans/{id}/milestones/{milestone.Id}/done", new { note = "已补选宣传委员" }));
        milestone = Assert.Single(plan.Milestones);
        Assert.Equal((Today, false, "补选会议记录.pdf"), (milestone.DoneOn, milestone.Overdue, Assert.Single(milestone.Files).FileName));
        var file = await community.GetAsync($"/api/turnaround/plans/{id}/milestones/{milestone.Id}/files/{milestone.Files[0].Id}");
        Assert.Equal("%PDF-1.4 支委会记录", await file.Content.ReadAsStringAsync());

        var branchSecretary = await factory.ClientForNewAccountAsync(Roles.BranchSecretary, plan.UnitId);
        var seen = await OkAsync(branchSecretary.GetAsync($"/api/turnaround/plans/{id}"));
        Assert.Equal((false, false, true), (seen.Can.Edit, seen.Can.Decide, seen.Can.Report));
        plan = await OkAsync(branchSecretary.PostAsJsonAsync($"/api/turnaround/plans/{id}/progress", new { text = "本月补选了宣传委员" }));
        var entry = Assert.Single(plan.Progress);
        Assert.Equal((new DateOnly(Today.Year, Today.Month, 1), true), (entry.Month, entry.Editable));
        var second = await community.PostAsJsonAsync($"/api/turnaround/plans/{id}/progress", new { text = "第二条" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        plan = await OkAsync(community.PutAsJsonAsync($"/api/turnaround/plans/{id}/progress/{entry.Id}", new { text = "本月补选了宣传委员，分工上墙" }));
        Assert.Equal("本月补选了宣传委员，分工上墙", Assert.Single(plan.Progress).Text);
        var branchEdit = await branchSecretary.PutAsJsonAsync($"/api/turnaround/plans/{id}", PlanBody(plan.UnitId, 2031));
        Assert.Equal(HttpStatusCode.Forbidden, branchEdit.StatusCode);
        var communityRegrade = await community.PostAsJsonAsync($"/api/turnaround/plans/{id}/regrade", new { regradedOn = Today, stars = 3 });
        Assert.Equal(HttpStatusCode.Forbidden, communityRegrade.StatusCode);

        var noStars = await admin.PostAsJsonAsync($"/api/turnaround/plans/{id}/regrade", new { regradedOn = Today });
        Assert.Equal(HttpStatusCode.BadRequest, noStars.StatusCode);
        Assert.Contains("stars", (await noStars.Content.ReadFromJsonAsync<ProblemRow>())!.Errors!.Keys);
        plan = await OkAsync(admin.PostAsJsonAsync($"/api/turnaround/plans/{id}/regrade", new { regradedOn = Today, stars = 4, note = "复评达到四星" }));
        Assert.Equal(("Completed", 4, "Advanced", false), (plan.Status, plan.NewStars, plan.NewCategory, plan.Can.Report));
        var late = await community.PostAsync($"/api/turnaround/plans/{id}/milestones/{milestone.Id}/files", Pdf("补充.pdf"));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task Plan_OutsideScope_404AndListsShowOnlyOwn()
    {
        var (_, plan, communityId) = await CreateAsync("sq08", 1, 2032);
        var other = await factory.ClientForAsync("sq02");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/turnaround/plans/{plan.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/turnaround/plans/{plan.Id}/progress", new { text = "越权" })).StatusCode);
        var otherBranch = (await factory.BranchesOfAsync(communityId))[2];
        var foreignBranch = await factory.ClientForNewAccountAsync(Roles.BranchSecretary, otherBranch.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await foreignBranch.GetAsync($"/api/turnaround/plans/{plan.Id}")).StatusCode);

        var own = await factory.ClientForAsync("sq08");
        Assert.Equal(HttpStatusCode.Forbidden, (await own.PostAsJsonAsync("/api/turnaround/plans", PlanBody(plan.UnitId, 2033))).StatusCode);
        var ownList = await own.GetFromJsonAsync<PageOf<PlanListRow>>("/api/turnaround/plans?year=2032");
        Assert.Contains(ownList!.Items, p => p.Id == plan.Id);
        var otherList = await other.GetFromJsonAsync<PageOf<PlanListRow>>("/api/turnaround/plans");
        Assert.DoesNotContain(otherList!.Items, p => p.Id == plan.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/turnaround/summary?unitId={communityId}")).StatusCode);
    }

    [Fact]
    public async Task Summary_OverdueMilestone_ListedWithDaysUntilDone()
    {
        var (admin, plan, communityId) = await CreateAsync("sq09", 0, 2034);
        plan = await OkAsync(admin.PostAsJsonAsync($"/api/turnaround/plans/{plan.Id}/milestones", new { title = "建立流动党员微信群", dueOn = Today.AddDays(-10) }));
        await OkAsync(admin.PostAsJsonAsync($"/api/turnaround/plans/{plan.Id}/milestones", new { title = "走访失联党员", dueOn = Today.AddDays(30) }));
        var secretary = await factory.ClientForAsync("sq09");

        var summary = await secretary.GetFromJsonAsync<SummaryRow>($"/api/turnaround/summary?year=2034&unitId={communityId}");
        var overdue = Assert.Single(summary!.Overdue);
        Assert.Equal((1, plan.UnitId, "建立流动党员微信群", 10), (summary.Active, overdue.UnitId, overdue.Title, overdue.DaysOverdue));
        var overdueOnly = await secretary.GetFromJsonAsync<PageOf<PlanListRow>>("/api/turnaround/plans?overdueOnly=true&year=2034");
        Assert.Equal(1, Assert.Single(overdueOnly!.Items).OverdueMilestones);

        await OkAsync(secretary.PostAsJsonAsync($"/api/turnaround/plans/{plan.Id}/milestones/{overdue.MilestoneId}/done", new { }));
        summary = await secretary.GetFromJsonAsync<SummaryRow>($"/api/turnaround/summary?year=2034&unitId={communityId}");
        Assert.Empty(summary!.Overdue);
        Assert.Equal(0, (await secretary.GetFromJsonAsync<PageOf<PlanListRow>>("/api/turnaround/plans?overdueOnly=true&year=2034"))!.Total);
    }

    [Fact]
    public async Task Summary_Demo2016_RunningPlanOverdueSinceSeptemberAndOneCompleted()
    {
        var admin = await factory.ClientForAsync("admin");

        var summary = await admin.GetFromJsonAsync<SummaryRow>("/api/turnaround/summary?year=2016");

        Assert.Equal((1, 1), (summary!.Active, summary.Completed));
        var overdue = Assert.Single(summary.Overdue);
        Assert.Equal((new DateOnly(2016, 9, 30), Today.DayNumber - new DateOnly(2016, 9, 30).DayNumber), (overdue.DueOn, overdue.DaysOverdue));
    }

    [Fact]
    public async Task AddProgress_TwoAtOnce_OneEntry()
    {
        var (admin, plan, _) = await CreateAsync("sq09", 1, 2035);
        var secretary = await factory.ClientForAsync("sq09");

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            (i % 2 == 0 ? admin : secretary).PostAsJsonAsync($"/api/turnaround/plans/{plan.Id}/progress", new { text = $"进展 {i}" })));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Single((await OkAsync(admin.GetAsync($"/api/turnaround/plans/{plan.Id}"))).Progress);
    }

    [Fact]
    public async Task Create_SecondActivePlanSameBranchAndYear_Conflict()
    {
        var (admin, plan, _) = await CreateAsync("sq09", 2, 2036);

        var again = await admin.PostAsJsonAsync("/api/turnaround/plans", PlanBody(plan.UnitId, 2036));
        var community = await admin.PostAsJsonAsync("/api/turnaround/plans", PlanBody((await factory.CommunityOfAsync("sq09")).Id, 2036));

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.BadRequest), (again.StatusCode, community.StatusCode));
    }
}
