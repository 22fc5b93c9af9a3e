using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using MiniExcelLibs;
using static Jishi.IntegrationTests.Reviews.ReviewApi;

namespace Jishi.IntegrationTests.Reviews;

[Collection(ApiCollection.Name)]
public sealed class DailyScoreImportTests(JishiFactory factory)
{
    private sealed record Scored(int Id, string Name, string UnitName, double? DailyScore);
    private sealed record ScoredReview(List<Scored> Subjects);
    private sealed record ErrorRow(int? Row, string? Column, string Message);
    private sealed record Refusal(List<ErrorRow> Errors);
    private sealed record UpdatedCount(int Updated);

    [Fact]
    public async Task Template_ListsSubjectsWithCurrentScores()
    {
        var admin = await factory.ClientForAsync("admin");
        var review = await CreateOpenAsync(admin, "日常考核模板", 3, "社区干部");
        await admin.PutAsJsonAsync($"/api/reviews/{review.Id}/subjects/{review.Subjects[1].Id}/daily-score", new { score = 87.5 });

        var response = await admin.GetAsync($"/api/reviews/{review.Id}/daily-scores/template");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(review.Subjects.Select(s => s.Id), rows.Select(r => Convert.ToInt32(r["编号"])));
        Assert.Equal(review.Subjects.Select(s => s.UnitName), rows.Select(r => (string?)r["单位"]));
        Assert.Equal(review.Subjects.Select(s => s.Name), rows.Select(r => (string?)r["姓名"]));
        Assert.Null(rows[0]["日常考核得分"]);
        Assert.Equal(87.5, Convert.ToDouble(rows[1]["日常考核得分"]));
    }

    [Fact]
    public async Task Import_ByIdAndByUnitAndName_UpdatesScores_BlankScoreLeftAlone()
    {
        var admin = await factory.ClientForAsync("admin");
        var review = await CreateOpenAsync(admin, "日常考核导入", 3, "社区干部");
        var s = review.Subjects;
        await admin.PutAsJsonAsync($"/api/reviews/{review.Id}/subjects/{s[2].Id}/daily-score", new { score = 70 });

        var response = await ImportAsync(admin, review.Id,
            Row(s[0].Id, s[0].UnitName, s[0].Name, 85.5),
            Row(null, s[1].UnitName, s[1].Name, "９２"), // full-width digits typed by hand
            Row(s[2].Id, s[2].UnitName, s[2].Name, null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<UpdatedCount>())!.Updated);
        var scores = await ScoresAsync(admin, review.Id);
        Assert.Equal([85.5, 92, 70], scores);
    }

    [Fact]
    public async Task Import_BadCells_EveryOneListed_NothingWritten()
    {
        var admin = await factory.ClientForAsync("admin");
        var review = await CreateOpenAsync(admin, "日常考核导入错误", 3, "社区干部");
        var s = review.Subjects;

        var response = await ImportAsync(admin, review.Id,
            Row(s[0].Id, s[0].UnitName, s[0].Name, 80), // good, but must not be written
            Row(999999, "", "", 80),
            Row(null, s[1].UnitName, "查无此人", 80),
            Row(s[2].Id, s[2].UnitName, s[2].Name, "八十"),
            Row(s[1].Id, s[1].UnitName, s[1].Name, 120),
            Row(s[0].Id, s[0].UnitName, s[0].Name, 81));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<Refusal>())!.Errors;
        Assert.Equal([(3, "编号"), (4, "姓名"), (5, "日常考核得分"), (6, "日常考核得分"), (7, "编号")], errors.Select(e => (e.Row!.Value, e.Column!)));
        Assert.Equal("第3行「编号」本次评议中没有编号为 999999 的书记", errors[0].Message);
        Assert.Contains("查无此人", errors[1].Message);
        Assert.Contains("「八十」不是 0 到 100 之间的数", errors[2].Message);
        Assert.Contains("与第2行是同一位书记", errors[4].Message);
        Assert.All(await ScoresAsync(admin, review.Id), Assert.Null);
    }

    [Fact]
    public async Task Import_NotAWorkbookOrNoHeader_FileProblem_Published_409()
    {
        var admin = await factory.ClientForAsync("admin");
        var review = await CreateOpenAsync(admin, "日常考核导入状态", 1, "社区干部");

        var notXlsx = await ImportAsync(admin, review.Id, "这不是表格"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, notXlsx.StatusCode);
        Assert.StartsWith("无法读取该文件", Assert.Single((await notXlsx.Content.ReadFromJsonAsync<Refusal>())!.Errors).Message);
        using (var wrong = new MemoryStream())
        {
            await wrong.SaveAsAsync(new[] { new Dictionary<string, object?> { ["分数"] = 80 } });
            var noHeader = await ImportAsync(admin, review.Id, wrong.ToArray());
            Assert.Equal(HttpStatusCode.BadRequest, noHeader.StatusCode);
            Assert.StartsWith("找不到模板的表头", Assert.Single((await noHeader.Content.ReadFromJsonAsync<Refusal>())!.Errors).Message);
        }

        await admin.PostAsync($"/api/reviews/{review.Id}/close", null);
        var closed = await ImportAsync(admin, review.Id, Row(review.Subjects[0].Id, "", "", 66));
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode); // still allowed after the close, as the PUT
        await admin.PostAsync($"/api/reviews/{review.Id}/publish", null);
        var published = await ImportAsync(admin, review.Id, Row(review.Subjects[0].Id, "", "", 99));
        Assert.Equal(HttpStatusCode.Conflict, published.StatusCode);
        Assert.Equal([66.0], await ScoresAsync(admin, review.Id));
    }

    private static Dictionary<string, object?> Row(int? id, string unit, string name, object? score) =>
        new() { ["编号"] = id, ["单位"] = unit, ["姓名"] = name, ["日常考核得分"] = score };

    private static Task<HttpResponseMessage> ImportAsync(HttpClient admin, int reviewId, params Dictionary<string, object?>[] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: "日常考核得分");
        return ImportAsync(admin, reviewId, stream.ToArray());
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient admin, int reviewId, byte[] file)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var form = new MultipartFormDataContent { { content, "file", "日常考核.xlsx" } };
        return await admin.PostAsync($"/api/reviews/{reviewId}/daily-scores/import", form);
    }

    private static async Task<List<double?>> ScoresAsync(HttpClient admin, int reviewId) =>
        (await admin.GetFromJsonAsync<ScoredReview>($"/api/reviews/{reviewId}"))!.Subjects.Select(s => s.DailyScore).ToList();
}
