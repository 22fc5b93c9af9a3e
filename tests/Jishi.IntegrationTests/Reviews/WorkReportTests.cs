using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;

namespace Jishi.IntegrationTests.Reviews;

[Collection(ApiCollection.Name)]
public sealed class WorkReportTests(JishiFactory factory)
{
    internal sealed record Mine(int CampaignId, string Title, int Year, string CampaignStatus, int SubjectId, string UnitName, string? Status);
    private sealed record Problem(int Id, string Text, int? RectificationId, string? RectificationStatus);
    private sealed record PastTask(int Id, string Problem, string Status, bool Overdue);
    private sealed record Report(int CampaignId, int SubjectId, string SecretaryName, int UnitId, string UnitName, bool Written, string Status,
        string Achievements, List<Problem> Problems, string NextSteps, string? ReturnReason, DateTime? SubmittedOn, bool CanEdit, List<PastTask> LastYear);
    private sealed record ListItem(int SubjectId, string SecretaryName, string UnitName, string? Status);
    private sealed record TaskRow(int Id, int UnitId, string Problem, string Owner, string Status, int? SourceProblemId);
    private sealed record Refusal(string? Detail, Dictionary<string, string[]>? Errors);

    internal static async Task<Mine> OwnAsync(HttpClient secretary, int year) =>
        (await secretary.GetFromJsonAsync<List<Mine>>("/api/my/reports"))!.Single(m => m.Year == year);

    private static string UrlOf(Mine mine) => $"/api/reviews/{mine.CampaignId}/subjects/{mine.SubjectId}/report";

    private static async Task<Report> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<Report>())!;
    }

    [Fact]
    public async Task Report_WrittenSubmittedReturnedResubmitted_ProblemBecomesTaskOnce()
    {
        var sq01 = await factory.ClientForAsync("sq01");
        var mine = await OwnAsync(sq01, 2016);
        Assert.Equal("七里墩社区党委", mine.UnitName);
        var url = UrlOf(mine);
        var empty = (await sq01.GetFromJsonAsync<Report>(url))!;
        Assert.False(empty.Written);
        Assert.True(empty.CanEdit);
        Assert.Equal("王建华", empty.SecretaryName);

        // Saved as a draft with blank items dropped; submitting it incomplete names every missing section.
        var partial = await ReadAsync(await sq01.PutAsJsonAsync(url, new { achievements = "推行党员积分制管理", problems = new[] { "", "  " }, nextSteps = "" }));
        Assert.Equal("Draft", partial.Status);
        Assert.Empty(partial.Problems);
        var incomplete = await sq01.PostAsync(url + "/submit", null);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var missing = (await incomplete.Content.ReadFromJsonAsync<Refusal>())!.Errors!;
        Assert.Equal(["nextSteps", "problems"], missing.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("请填写下一步打算", missing["nextSteps"]);

        var body = new
        {
            achievements = "推行党员积分制管理，全年评出星级党员 46 名；组建志愿服务队 5 支。",
            problems = new[] { "党员教育管理方式单一", "发展党员工作滞后" },
            nextSteps = "丰富党员教育形式，严把发展党员质量关。",
        };
        var draft = await ReadAsync(await sq01.PutAsJsonAsync(url, body));
        Assert.Equal(["党员教育管理方式单一", "发展党员工作滞后"], draft.Problems.Select(p => p.Text));

        // Another community's secretary neither sees nor changes it.
        var sq02 = await factory.ClientForAsync("sq02");
        Assert.Equal(HttpStatusCode.NotFound, (await sq02.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sq02.PutAsJsonAsync(url, body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sq02.PostAsync(url + "/submit", null)).StatusCode);

        // The street reads it but does not write it; a draft is neither returned nor turned into tasks.
        var admin = await factory.ClientForAsync("admin");
        var read = (await admin.GetFromJsonAsync<Report>(url))!;
        Assert.False(read.CanEdit);
        Assert.Equal(2, read.Problems.Count);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PutAsJsonAsync(url, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync(url + "/return", new { reason = "请补充" })).StatusCode);
        var early = await admin.PostAsJsonAsync($"{url}/problems/{draft.Problems[0].Id}/rectification", new { owner = "王建华", deadline = "2016-06-30" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        var submitted = await ReadAsync(await sq01.PostAsync(url + "/submit", null));
        Assert.Equal("Submitted", submitted.Status);
        Assert.NotNull(submitted.SubmittedOn);
        Assert.False(submitted.CanEdit);
        Assert.Equal(HttpStatusCode.Conflict, (await sq01.PutAsJsonAsync(url, body)).StatusCode);
        var list = (await admin.GetFromJsonAsync<List<ListItem>>($"/api/reviews/{mine.CampaignId}/reports"))!;
        Assert.Equal(9, list.Count);
        Assert.Equal("Submitted", list.Single(r => r.SubjectId == mine.SubjectId).Status);

        // Returned with a reason, which the secretary sees; an item kept word for word keeps its id.
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync(url + "/return", new { reason = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sq01.PostAsJsonAsync(url + "/return", new { reason = "自己退回" })).StatusCode);
        var returned = await ReadAsync(await admin.PostAsJsonAsync(url + "/return", new { reason = "问题找得不准，请对照整改台账补充" }));
        Assert.Equal("Returned", returned.Status);
        var again = (await sq01.GetFromJsonAsync<Report>(url))!;
        Assert.True(again.CanEdit);
        Assert.Equal("问题找得不准，请对照整改台账补充", again.ReturnReason);
        var keptId = again.Problems.Single(p => p.Text == "发展党员工作滞后").Id;
        await ReadAsync(await sq01.PutAsJsonAsync(url, body with { problems = ["软弱涣散党组织整顿成效不明显", "发展党员工作滞后"] }));
        var final = await ReadAsync(await sq01.PostAsync(url + "/submit", null));
        Assert.Equal("Submitted", final.Status);
        Assert.Equal(keptId, final.Problems.Single(p => p.Text == "发展党员工作滞后").Id);
        Assert.Equal("软弱涣散党组织整顿成效不明显", final.Problems[0].Text);

        // The street turns one problem into a 整改 task of the community, once; the secretary then finds it in the ledger.
        var problem = final.Problems[0];
        var taskUrl = $"{url}/problems/{problem.Id}/rectification";
        Assert.Equal(HttpStatusCode.Forbidden, (await sq01.PostAsJsonAsync(taskUrl, new { owner = "王建华", deadline = "2016-09-30" })).StatusCode);
        var created = await admin.PostAsJsonAsync(taskUrl, new { owner = "", deadline = "2016-09-30" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var task = (await created.Content.ReadFromJsonAsync<TaskRow>())!;
        Assert.Equal((problem.Id, problem.Text, "王建华", final.UnitId), (task.SourceProblemId!.Value, task.Problem, task.Owner, task.UnitId));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync(taskUrl, new { owner = "王建华", deadline = "2016-09-30" })).StatusCode);
        var shown = (await admin.GetFromJsonAsync<Report>(url))!.Problems.Single(p => p.Id == problem.Id);
        Assert.Equal((task.Id, "NotStarted"), (shown.RectificationId, shown.RectificationStatus));
        Assert.Contains((await sq01.GetFromJsonAsync<List<TaskRow>>("/api/rectifications"))!, t => t.Id == task.Id);

        // Returned once more, the secretary drops that item: the task stays, with its own copy of the text.
        await ReadAsync(await admin.PostAsJsonAsync(url + "/return", new { reason = "请精简问题" }));
        var rewritten = await ReadAsync(await sq01.PutAsJsonAsync(url, body with { problems = ["发展党员工作滞后"] }));
        Assert.Equal(keptId, Assert.Single(rewritten.Problems).Id);
        var orphan = (await sq01.GetFromJsonAsync<List<TaskRow>>("/api/rectifications"))!.Single(t => t.Id == task.Id);
        Assert.Equal((problem.Text, (int?)null), (orphan.Problem, orphan.SourceProblemId));
    }

    [Fact]
    public async Task Report_LastYearTasks_ListedWithTheOverdueOneMarked()
    {
        var sq01 = await factory.ClientForAsync("sq01");
        var report = (await sq01.GetFromJsonAsync<Report>(UrlOf(await OwnAsync(sq01, 2016))))!;

        Assert.Equal(2, report.LastYear.Count);
        Assert.Contains(report.LastYear, t => t.Status == "Closed" && !t.Overdue && t.Problem.Contains("三会一课", StringComparison.Ordinal));
        Assert.Contains(report.LastYear, t => t.Status == "InProgress" && t.Overdue);
        // Another community had no tasks last year.
        var sq02 = await factory.ClientForAsync("sq02");
        Assert.Empty((await sq02.GetFromJsonAsync<Report>(UrlOf(await OwnAsync(sq02, 2016))))!.LastYear);
    }

    [Fact]
    public async Task Report_PublishedCampaign_ReadOnly()
    {
        var sq01 = await factory.ClientForAsync("sq01");
        var mine = await OwnAsync(sq01, 2015);
        Assert.Equal("Published", mine.CampaignStatus);

        Assert.False((await sq01.GetFromJsonAsync<Report>(UrlOf(mine)))!.CanEdit);
        var refused = await sq01.PutAsJsonAsync(UrlOf(mine), new { achievements = "补写", problems = new[] { "补写" }, nextSteps = "补写" });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("已公布", (await refused.Content.ReadFromJsonAsync<Refusal>())!.Detail);
    }

    [Fact]
    public async Task Report_DemoSubmitted_StreetSeesItsProblemsSecretaryCannotEdit()
    {
        var sq02 = await factory.ClientForAsync("sq02");
        var mine = await OwnAsync(sq02, 2016);
        Assert.Equal("Submitted", mine.Status);
        Assert.False((await sq02.GetFromJsonAsync<Report>(UrlOf(mine)))!.CanEdit);

        var admin = await factory.ClientForAsync("admin");
        var report = (await admin.GetFromJsonAsync<Report>(UrlOf(mine)))!;
        Assert.Equal("东岗社区党委", report.UnitName);
        Assert.Contains(report.Problems, p => p.Text == "软弱涣散党组织整顿成效不明显");
        // The street reports on no campaign of its own.
        Assert.Empty((await admin.GetFromJsonAsync<List<Mine>>("/api/my/reports"))!);
    }
}
