using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using MiniExcelLibs;

namespace Jishi.IntegrationTests.Reviews;

[Collection(ApiCollection.Name)]
public sealed class SummaryTests(JishiFactory factory)
{
    private sealed record UnitRow(int Id, string Kind);
    private sealed record SubjectRow(int Id, string Name, string UnitName);
    private sealed record GroupRow(int Id);
    private sealed record Review(int Id, List<SubjectRow> Subjects, List<GroupRow> VoterGroups);
    private sealed record TokenList(List<string> Tokens);

    [Fact]
    public async Task SummaryAndExcel_AfterClose_RoundedScoresCommentsAndOneRowPerSubject()
    {
        var admin = await factory.ClientForAsync("admin");
        var units = (await admin.GetFromJsonAsync<List<UnitRow>>("/api/units"))!;
        var created = await admin.PostAsJsonAsync("/api/reviews", new
        {
            title = "汇总表测评", year = 2016, meetingDate = "2016-02-13",
            subjects = units.Where(u => u.Kind == "Community").Take(3).Select(u => new { unitId = u.Id }),
            voterGroups = new[] { new { name = "社区干部", weight = 1.0, headCount = 5 } },
            ballotWeight = 0.4,
        });
        var review = (await created.Content.ReadFromJsonAsync<Review>())!;
        await admin.PostAsync($"/api/reviews/{review.Id}/open", null);
        var tokens = (await (await admin.PostAsJsonAsync($"/api/reviews/{review.Id}/tokens",
            new { voterGroupId = review.VoterGroups[0].Id, count = 3 })).Content.ReadFromJsonAsync<TokenList>())!.Tokens;
        var voter = factory.CreateClient();
        string[] grades = ["好", "较好", "较好"];
        for (var i = 0; i < 3; i++)
        {
            await voter.PostAsJsonAsync($"/api/ballots/{tokens[i]}", new { ratings = review.Subjects.Select(s => new { subjectId = s.Id, grade = grades[i] }) });
        }
        await admin.PutAsJsonAsync($"/api/reviews/{review.Id}/subjects/{review.Subjects[0].Id}/comment", new { text = "基础工作扎实。" });
        Assert.Equal(HttpStatusCode.Conflict, (await admin.GetAsync($"/api/reviews/{review.Id}/results.xlsx")).StatusCode);
        await admin.PostAsync($"/api/reviews/{review.Id}/close", null);

        var sheet = await admin.GetStringAsync($"/reviews/{review.Id}/summary");
        Assert.Contains("测评汇总表", sheet);
        Assert.Contains("86.67", sheet); // (100 + 80 + 80) / 3, rounded for display
        Assert.Contains("基础工作扎实。", sheet);
        Assert.Contains("2016年2月13日", sheet);

        var xlsx = await admin.GetAsync($"/api/reviews/{review.Id}/results.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(86.67, Convert.ToDouble(r["综合得分"])));
        Assert.Equal(review.Subjects.Select(s => s.UnitName).Order(), rows.Select(r => (string)r["党组织"]).Order());
    }
}
