using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.IntegrationTests.Points;
using Jishi.Web.Features.Duties;
using Jishi.Web.Features.Points;
using Microsoft.EntityFrameworkCore;

namespace Jishi.IntegrationTests.Duties;

public sealed record CellRow(int Id, int KeyTaskId, int UnitId, string UnitName, string? Owner, DateOnly Deadline, int Progress, string Status,
    DateOnly? CompletedOn);

public sealed record TaskRow(int Id, int Year, string Title, DateOnly Deadline, List<CellRow> Cells);

public sealed record CommunityRow(int Id, string Name, decimal? Rate);

public sealed record MatrixRow(int Year, List<CommunityRow> Communities, List<TaskRow> Tasks);

public sealed record CellDetailRow(CellRow Cell, string Title, List<NoteRow> Notes, List<FileRow> Files);

public sealed record NoteRow(int Progress, string Text, string By);

public sealed record FileRow(int Id, string FileName, long Size);

public sealed record DutyItemRow(int Position, string Category, string Content, string Status, string? Notes);

public sealed record DutyListRow(int Id, int UnitId, string UnitName, int Year, List<DutyItemRow> Items);

public sealed record DutySummaryRow(int Id, int UnitId, string UnitName, int Year, int Items, int Done);

public sealed record ProposalRow(int SubjectId, string Name, decimal? Rate, double? Score, double? Current);

/// <summary>责任清单 and 重点任务 through the API; each test uses a year of its own (2008–2011) so that rates are its own.</summary>
[Collection(ApiCollection.Name)]
public sealed class DutiesTests(JishiFactory factory)
{
    private static async Task<TaskRow> CreateTaskAsync(HttpClient admin, int year, string deadline)
    {
        var created = await admin.PostAsJsonAsync("/api/key-tasks", new { year, title = $"{year}年重点任务", description = "测试", deadline });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<TaskRow>())!;
    }

    [Fact]
    public async Task KeyTask_CreatedForAllCommunities_SecretaryUpdatesOnlyOwnCell()
    {
        var admin = await factory.ClientForAsync("admin");
        var task = await CreateTaskAsync(admin, 2011, "2011-06-30");
        var own = await factory.CommunityOfAsync("sq01");
        var other = await factory.CommunityOfAsync("sq02");
        Assert.Equal(9, task.Cells.Count);
        Assert.All(task.Cells, c => Assert.Equal(("Overdue", new DateOnly(2011, 6, 30)), (c.Status, c.Deadline)));

        var sq01 = await factory.ClientForAsync("sq01");
        var matrix = (await sq01.GetFromJsonAsync<MatrixRow>("/api/key-tasks?year=2011"))!;
        var cell = Assert.Single(Assert.Single(matrix.Tasks).Cells);
        Assert.Equal(own.Id, Assert.Single(matrix.Communities).Id);

        var half = await sq01.PutAsJsonAsync($"/api/key-tasks/cells/{cell.Id}", new { owner = "王建国", progress = 50, note = "已召开动员会" });
        var done = await sq01.PutAsJsonAsync($"/api/key-tasks/cells/{cell.Id}", new { owner = "王建国", progress = 100, note = "完成", completedOn = "2011-06-20" });
        var foreign = await sq01.PutAsJsonAsync($"/api/key-tasks/cells/{task.Cells.Single(c => c.UnitId == other.Id).Id}", new { progress = 100 });
        var moved = await sq01.PutAsJsonAsync($"/api/key-tasks/cells/{cell.Id}", new { progress = 100, deadline = "2011-12-31" });

        Assert.Equal(HttpStatusCode.OK, half.StatusCode);
        var detail = (await done.Content.ReadFromJsonAsync<CellDetailRow>())!;
        Assert.Equal(("Done", 100, new DateOnly(2011, 6, 20), "王建国"), (detail.Cell.Status, detail.Cell.Progress, detail.Cell.CompletedOn!.Value, detail.Cell.Owner!));
        Assert.Equal([(50, "已召开动员会"), (100, "完成")], detail.Notes.Select(n => (n.Progress, n.Text)));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sq01.PostAsJsonAsync("/api/key-tasks", new { year = 2011, title = "x", deadline = "2011-01-01" })).StatusCode);

        var street = (await admin.GetFromJsonAsync<MatrixRow>("/api/key-tasks?year=2011"))!;
        Assert.Equal(9, street.Communities.Count);
        Assert.Equal(1m, street.Communities.Single(c => c.Id == own.Id).Rate);
        Assert.Equal(0m, street.Communities.Single(c => c.Id == other.Id).Rate);
    }

    [Fact]
    public async Task KeyTask_EvidenceFile_StoredAndDownloadedInScope()
    {
        var admin = await factory.ClientForAsync("admin");
        var task = await CreateTaskAsync(admin, 2010, "2010-10-31");
        var own = await factory.CommunityOfAsync("sq01");
        var cellId = task.Cells.Single(c => c.UnitId == own.Id).Id;
        var sq01 = await factory.ClientForAsync("sq01");
        using var form = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 minutes"u8.ToArray()), "file", "会议记录.pdf" } };

        var uploaded = await sq01.PostAsync($"/api/key-tasks/cells/{cellId}/evidence", form);

        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var file = (await uploaded.Content.ReadFromJsonAsync<FileRow>())!;
        Assert.Equal("%PDF-1.4 minutes", await sq01.GetStringAsync($"/api/key-tasks/cells/{cellId}/evidence/{file.Id}"));
        var sq02 = await factory.ClientForAsync("sq02");
        Assert.Equal(HttpStatusCode.NotFound, (await sq02.GetAsync($"/api/key-tasks/cells/{cellId}/evidence/{file.Id}")).StatusCode);
        using var bad = new MultipartFormDataContent { { new ByteArrayContent("MZ not a pdf"u8.ToArray()), "file", "x.pdf" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await sq01.PostAsync($"/api/key-tasks/cells/{cellId}/evidence", bad)).StatusCode);
    }

    [Fact]
    public async Task DailyScores_FilledFromCompletionRate_RateTimesHundred()
    {
        var admin = await factory.ClientForAsync("admin");
        var (one, two) = (await factory.CommunityOfAsync("sq01"), await factory.CommunityOfAsync("sq02"));
        var first = await CreateTaskAsync(admin, 2009, "2009-06-30");
        var second = await CreateTaskAsync(admin, 2009, "2009-06-30");
        // sq01: one on time (1) and one late (0.5) → 75; sq02: one on time, one not done → 50.
        var sq01 = await factory.ClientForAsync("sq01");
        await sq01.PutAsJsonAsync($"/api/key-tasks/cells/{first.Cells.Single(c => c.UnitId == one.Id).Id}", new { progress = 100, completedOn = "2009-06-01" });
        await sq01.PutAsJsonAsync($"/api/key-tasks/cells/{second.Cells.Single(c => c.UnitId == one.Id).Id}", new { progress = 100, completedOn = "2009-08-01" });
        var sq02 = await factory.ClientForAsync("sq02");
        await sq02.PutAsJsonAsync($"/api/key-tasks/cells/{first.Cells.Single(c => c.UnitId == two.Id).Id}", new { progress = 100, completedOn = "2009-06-30" });
        var created = await admin.PostAsJsonAsync("/api/reviews", new
        {
            title = "2009年度述职评议", year = 2009, meetingDate = "2010-01-15",
            subjects = new[] { new { unitId = one.Id }, new { unitId = two.Id } },
            voterGroups = new[] { new { name = "社区干部", weight = 1.0, headCount = 10 } },
        });
        var reviewId = (await created.Content.ReadFromJsonAsync<ReviewIdRow>())!.Id;

        var preview = (await admin.GetFromJsonAsync<List<ProposalRow>>($"/api/key-tasks/daily-scores/{reviewId}"))!;
        var stillEmpty = await factory.WithDbAsync(db => db.ReviewSubjects.Where(s => s.CampaignId == reviewId).Select(s => s.DailyScore).ToListAsync());
        var applied = await admin.PostAsync($"/api/key-tasks/daily-scores/{reviewId}", null);

        Assert.Equal([(0.75m, 75d), (0.5m, 50d)], preview.Select(p => (p.Rate!.Value, p.Score!.Value)));
        Assert.All(stillEmpty, s => Assert.Null(s));
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var scores = await factory.WithDbAsync(db => db.ReviewSubjects.Where(s => s.CampaignId == reviewId).OrderBy(s => s.Id).Select(s => s.DailyScore).ToListAsync());
        Assert.Equal([75d, 50d], scores.Select(s => s!.Value));
        var sq01Refused = await sq01.PostAsync($"/api/key-tasks/daily-scores/{reviewId}", null);
        Assert.Equal(HttpStatusCode.Forbidden, sq01Refused.StatusCode);
    }

    [Fact]
    public async Task DutyTemplate_CopiedToEveryCommunityOnce_SecretaryKeepsOwnList()
    {
        var admin = await factory.ClientForAsync("admin");
        var items = DutyList.DefaultTemplate.Take(3).Select(t => new { category = t.Category, content = t.Content }).ToArray();

        var first = await (await admin.PostAsJsonAsync("/api/duties/template", new { year = 2008, items })).Content.ReadFromJsonAsync<TemplateRow>();
        var again = await (await admin.PostAsJsonAsync("/api/duties/template", new { year = 2008, items })).Content.ReadFromJsonAsync<TemplateRow>();

        Assert.Equal((9, 27), (first!.Lists, first.ItemsAdded));
        Assert.Equal((9, 0), (again!.Lists, again.ItemsAdded));
        var sq01 = await factory.ClientForAsync("sq01");
        var mine = Assert.Single((await sq01.GetFromJsonAsync<List<DutySummaryRow>>("/api/duties?year=2008"))!);
        var list = (await sq01.GetFromJsonAsync<DutyListRow>($"/api/duties/{mine.Id}"))!;
        var saved = await sq01.PutAsJsonAsync($"/api/duties/{list.Id}", new
        {
            items = list.Items.Select((i, n) => new { category = i.Category, content = i.Content, status = n == 0 ? "Done" : "InProgress", notes = n == 0 ? "已落实" : null }),
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal((1, 3), (await sq01.GetFromJsonAsync<List<DutySummaryRow>>("/api/duties?year=2008"))!.Single() is var s ? (s.Done, s.Items) : default);
        var othersList = (await admin.GetFromJsonAsync<List<DutySummaryRow>>("/api/duties?year=2008"))!.First(l => l.UnitId != list.UnitId);
        Assert.Equal(HttpStatusCode.NotFound, (await sq01.GetAsync($"/api/duties/{othersList.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sq01.PostAsJsonAsync("/api/duties/template", new { year = 2008, items })).StatusCode);
    }
}

public sealed record TemplateRow(int Lists, int ItemsAdded);

public sealed record ReviewIdRow(int Id);
