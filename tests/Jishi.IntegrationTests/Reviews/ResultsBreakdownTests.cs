using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jishi.IntegrationTests.Infrastructure;
using MiniExcelLibs;
using static Jishi.IntegrationTests.Reviews.ReviewApi;

namespace Jishi.IntegrationTests.Reviews;

[Collection(ApiCollection.Name)]
public sealed partial class ResultsBreakdownTests(JishiFactory factory)
{
    /// <summary>Two subjects; 街道党工委成员 (weight 1) casts 5 ballots: 3 × 好, 2 × 一般; 社区干部 (weight 2) only 4, all 差.
    /// Closed: group means 84 and 40, ballot score (84 + 2 × 40) / 3 = 54.67, 好评率 3 / 9.</summary>
    private async Task<(HttpClient Admin, Review Review)> ClosedCampaignAsync(string title)
    {
        var admin = await factory.ClientForAsync("admin");
        var review = await CreateOpenAsync(admin, title, 2, "街道党工委成员", "社区干部");
        var five = await IssueAsync(admin, review, 0, 5);
        var four = await IssueAsync(admin, review, 1, 4);
        var voter = factory.CreateClient();
        string[] grades = ["好", "好", "好", "一般", "一般"];
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await voter.PostAsJsonAsync($"/api/ballots/{five[i]}", BallotAll(review, grades[i]))).StatusCode);
        }
        foreach (var token in four)
        {
            Assert.Equal(HttpStatusCode.Created, (await voter.PostAsJsonAsync($"/api/ballots/{token}", BallotAll(review, "差"))).StatusCode);
        }
        return (admin, review);
    }

    [Fact]
    public async Task Results_FourBallotGroupNotBrokenOut_FiveBallotGroupIs_ApiFieldsUnchanged()
    {
        var (admin, review) = await ClosedCampaignAsync("分类别测评");
        await admin.PostAsync($"/api/reviews/{review.Id}/close", null);

        using var json = JsonDocument.Parse(await admin.GetStringAsync($"/api/reviews/{review.Id}/results"));
        Assert.Equal(2, json.RootElement.GetArrayLength());
        var first = json.RootElement[0];
        var names = first.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["subjectId", "name", "counts", "ballotScore", "dailyScore", "compositeScore", "band", "rank"],
            names.Intersect(["subjectId", "name", "counts", "ballotScore", "dailyScore", "compositeScore", "band", "rank"]));
        Assert.Equal(3, first.GetProperty("counts").GetProperty("好").GetInt32());
        Assert.Equal(4, first.GetProperty("counts").GetProperty("差").GetInt32());
        Assert.Equal(164 / 3.0, first.GetProperty("ballotScore").GetDouble(), 9);
        Assert.Equal(3 / 9.0, first.GetProperty("favourableRate").GetDouble(), 12);

        var groups = first.GetProperty("groups");
        Assert.Equal(2, groups.GetArrayLength());
        var shown = groups[0];
        Assert.Equal("街道党工委成员", shown.GetProperty("name").GetString());
        Assert.True(shown.GetProperty("brokenOut").GetBoolean());
        Assert.Equal(5, shown.GetProperty("ballots").GetInt32());
        Assert.Equal(3, shown.GetProperty("counts").GetProperty("好").GetInt32());
        Assert.Equal(2, shown.GetProperty("counts").GetProperty("一般").GetInt32());
        Assert.Equal(84, shown.GetProperty("mean").GetDouble(), 9);
        var hidden = groups[1];
        Assert.Equal("社区干部", hidden.GetProperty("name").GetString());
        Assert.False(hidden.GetProperty("brokenOut").GetBoolean());
        Assert.Equal(JsonValueKind.Null, hidden.GetProperty("ballots").ValueKind);
        Assert.Equal(JsonValueKind.Null, hidden.GetProperty("counts").ValueKind);
        Assert.Equal(JsonValueKind.Null, hidden.GetProperty("mean").ValueKind);
    }

    [Fact]
    public async Task Excel_ResultsWithRateAndRawCountsSheet_HiddenGroupWithoutNumbers()
    {
        var (admin, review) = await ClosedCampaignAsync("原始票数导出");
        await admin.PostAsync($"/api/reviews/{review.Id}/close", null);

        var xlsx = await admin.GetAsync($"/api/reviews/{review.Id}/results.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(["测评汇总表", "原始票数"], MiniExcel.GetSheetNames(stream));
        var results = stream.Query(useHeaderRow: true, sheetName: "测评汇总表").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal(33.33, Convert.ToDouble(r["好评率（%）"])));
        Assert.All(results, r => Assert.Equal(54.67, Convert.ToDouble(r["测评得分"])));

        var raw = stream.Query(useHeaderRow: true, sheetName: "原始票数").Cast<IDictionary<string, object?>>()
            .Where(r => (string?)r["书记"] == review.Subjects[0].Name).ToList();
        // 4 grades of the broken-out group, one line for the other, the subject's 4 totals.
        Assert.Equal(9, raw.Count);
        var byGroup = raw.Where(r => (string?)r["评议人类别"] == "街道党工委成员").ToDictionary(r => (string)r["等次"]!, r => Convert.ToInt32(r["票数"]));
        Assert.Equal(new Dictionary<string, int> { ["好"] = 3, ["较好"] = 0, ["一般"] = 2, ["差"] = 0 }, byGroup);
        var hidden = Assert.Single(raw, r => (string?)r["评议人类别"] == "社区干部");
        Assert.Null(hidden["票数"]);
        Assert.Equal("不足5票，不单列", hidden["备注"]);
        var totals = raw.Where(r => (string?)r["评议人类别"] == "合计").ToDictionary(r => (string)r["等次"]!, r => Convert.ToInt32(r["票数"]));
        Assert.Equal(new Dictionary<string, int> { ["好"] = 3, ["较好"] = 0, ["一般"] = 2, ["差"] = 4 }, totals);
    }

    [Fact]
    public async Task SubjectSheet_BeforeClose_409WithMessage_AfterClose_EverythingOfTheSecretary()
    {
        var (admin, review) = await ClosedCampaignAsync("个人测评表");
        var subject = review.Subjects[0];
        var early = await admin.GetAsync($"/reviews/{review.Id}/subjects/{subject.Id}/sheet");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("投票结束后才能打印个人测评表", await early.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.GetAsync($"/reviews/{review.Id}/sheets")).StatusCode);

        await admin.PutAsJsonAsync($"/api/reviews/{review.Id}/subjects/{subject.Id}/comment", new { text = "群众工作扎实，党建引领有特色。" });
        await admin.PutAsJsonAsync($"/api/reviews/{review.Id}/subjects/{subject.Id}/daily-score", new { score = 90 });
        await admin.PostAsync($"/api/reviews/{review.Id}/close", null);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/reviews/{review.Id}/rectifications",
            new { unitId = subject.UnitId, problem = "党员发展计划执行不到位", owner = subject.Name, deadline = "2016-06-30" })).StatusCode);

        var sheet = await admin.GetStringAsync($"/reviews/{review.Id}/subjects/{subject.Id}/sheet");
        Assert.Single(PersonSheet().Matches(sheet));
        Assert.Contains(subject.Name, sheet);
        Assert.Contains(subject.UnitName, sheet);
        Assert.Contains("第 1 名（共 2 人）", sheet); // 54.67 × 0.4 + 90 × 0.6 = 75.87 against a provisional 54.67
        Assert.Contains("75.87", sheet);
        Assert.Contains("33.33%", sheet);
        Assert.Contains("84.00", sheet);
        Assert.Contains("不足5票，不单列", sheet);
        Assert.Contains("群众工作扎实，党建引领有特色。", sheet);
        Assert.Contains("党员发展计划执行不到位", sheet);

        var other = await admin.GetStringAsync($"/reviews/{review.Id}/subjects/{review.Subjects[1].Id}/sheet");
        Assert.DoesNotContain("党员发展计划执行不到位", other);
        Assert.Contains("暂无整改任务", other);

        var all = await admin.GetStringAsync($"/reviews/{review.Id}/sheets");
        Assert.Equal(2, PersonSheet().Matches(all).Count);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/reviews/{review.Id}/subjects/999999/sheet")).StatusCode);
    }

    [Fact]
    public async Task Summary_AfterClose_PerGroupTableWithHiddenGroup()
    {
        var (admin, review) = await ClosedCampaignAsync("汇总表分类别");
        await admin.PostAsync($"/api/reviews/{review.Id}/close", null);

        var summary = await admin.GetStringAsync($"/reviews/{review.Id}/summary");
        Assert.Contains("分类别测评情况", summary);
        // The group under 5 ballots is named once, not on a line per secretary.
        Assert.Contains("社区干部：不足5票，不单列", summary);
        Assert.DoesNotContain("class=\"not-broken-out\"", summary);
        Assert.Equal(2, Regex.Matches(summary, "<td>84.00</td>").Count);
        Assert.Contains("33.33%", summary);
        var screen = await admin.GetStringAsync($"/reviews/{review.Id}/screen");
        Assert.Contains("33.33%", screen);
        Assert.Contains("84.00", screen);
    }

    [GeneratedRegex("<article class=\"person-sheet\"")]
    private static partial Regex PersonSheet();
}
