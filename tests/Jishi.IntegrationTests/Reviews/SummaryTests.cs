using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using MiniExcelLibs;
using static Jishi.IntegrationTests.Reviews.ReviewApi;

namespace Jishi.IntegrationTests.Reviews;

[Collection(ApiCollection.Name)]
public sealed class SummaryTests(JishiFactory factory)
{

    [Fact]
    public async Task SummaryAndExcel_AfterClose_RoundedScoresCommentsAndOneRowPerSubject()
    {
        var admin = await factory.ClientForAsync("admin");
        var review = await CreateOpenAsync(admin, "汇总表测评", 3, "社区干部");
        var tokens = await IssueAsync(admin, review, 0, 3);
        var voter = factory.CreateClient();
        string[] grades = ["好", "较好", "较好"];
        for (var i = 0; i < 3; i++)
        {
            await voter.PostAsJsonAsync($"/api/ballots/{tokens[i]}", BallotAll(review, grades[i]));
        }
        await admin.PutAsJsonAsync($"/api/reviews/{review.Id}/subjects/{review.Subjects[0].Id}/comment", new { text = "基础工作扎实。" });
        Assert.Equal(HttpStatusCode.Conflict, (await admin.GetAsync($"/api/reviews/{review.Id}/results.xlsx")).StatusCode);
        await admin.PostAsync($"/api/reviews/{review.Id}/close", null);

        var sheet = await admin.GetStringAsync($"/reviews/{review.Id}/summary");
        Assert.Contains("测评汇总表", sheet);
        Assert.Contains("86.67", sheet); // (100 + 80 + 80) / 3, rounded for display
        Assert.Contains("基础工作扎实。", sheet);
        Assert.Contains("2016年2月13日", sheet);
        Assert.Contains("监票人：", sheet);
        Assert.Contains("计票人：", sheet);
        Assert.Contains("日期：＿＿＿＿年", sheet);

        var xlsx = await admin.GetAsync($"/api/reviews/{review.Id}/results.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(86.67, Convert.ToDouble(r["综合得分"])));
        Assert.Equal(review.Subjects.Select(s => s.UnitName).Order(), rows.Select(r => (string)r["党组织"]).Order());
    }

    [Fact]
    public async Task Summary_EveryDailyScoreEnteredAndOneVeto_NoProvisionalNoteAndTheVetoedPoorMarked()
    {
        var admin = await factory.ClientForAsync("admin");
        var review = await CreateOpenAsync(admin, "汇总表否决测评", 3, "社区干部");
        foreach (var subject in review.Subjects)
        {
            Assert.Equal(HttpStatusCode.OK,
                (await admin.PutAsJsonAsync($"/api/reviews/{review.Id}/subjects/{subject.Id}/daily-score", new { score = 90 })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK,
            (await admin.PutAsJsonAsync($"/api/reviews/{review.Id}/subjects/{review.Subjects[0].Id}/veto", new { veto = true })).StatusCode);
        var tokens = await IssueAsync(admin, review, 0, 1);
        await factory.CreateClient().PostAsJsonAsync($"/api/ballots/{tokens[0]}", BallotAll(review, "好"));
        await admin.PostAsync($"/api/reviews/{review.Id}/close", null);

        var sheet = await admin.GetStringAsync($"/reviews/{review.Id}/summary");

        Assert.DoesNotContain("尚未录入日常考核分", sheet);
        Assert.Contains("差（一票否决）", sheet);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(sheet, "差（一票否决）"));
        Assert.Contains("一票否决：", sheet);
    }
}
