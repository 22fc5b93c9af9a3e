using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;

namespace Jishi.IntegrationTests.Reviews;

[Collection(ApiCollection.Name)]
public sealed class ScreenTests(JishiFactory factory)
{
    private sealed record UnitRow(int Id, string Kind);
    private sealed record SubjectRow(int Id, string Name);
    private sealed record GroupRow(int Id);
    private sealed record Review(int Id, List<SubjectRow> Subjects, List<GroupRow> VoterGroups);
    private sealed record TokenList(List<string> Tokens);

    [Fact]
    public async Task Screen_WhileOpen_StreamsTurnoutAndHidesResults_AfterClose_ShowsRanking()
    {
        var admin = await factory.ClientForAsync("admin");
        var units = (await admin.GetFromJsonAsync<List<UnitRow>>("/api/units"))!;
        var created = await admin.PostAsJsonAsync("/api/reviews", new
        {
            title = "大屏测评", year = 2016, meetingDate = "2016-02-13",
            subjects = units.Where(u => u.Kind == "Community").Take(2).Select(u => new { unitId = u.Id }),
            voterGroups = new[] { new { name = "社区干部", weight = 1.0, headCount = 5 } },
            ballotWeight = 0.4,
        });
        var review = (await created.Content.ReadFromJsonAsync<Review>())!;
        await admin.PostAsync($"/api/reviews/{review.Id}/open", null);
        var tokens = (await (await admin.PostAsJsonAsync($"/api/reviews/{review.Id}/tokens",
            new { voterGroupId = review.VoterGroups[0].Id, count = 3 })).Content.ReadFromJsonAsync<TokenList>())!.Tokens;
        var voter = factory.CreateClient();
        foreach (var t in tokens.Take(2))
        {
            await voter.PostAsJsonAsync($"/api/ballots/{t}", new { ratings = review.Subjects.Select(s => new { subjectId = s.Id, grade = "好" }) });
        }

        var open = await admin.GetStringAsync($"/reviews/{review.Id}/screen");
        Assert.Contains("data-testid=\"cast\">2<", open);
        Assert.Contains("data-testid=\"issued\">3<", open);
        Assert.DoesNotContain("chart-data", open);

        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            using var stream = await admin.GetAsync($"/api/reviews/{review.Id}/turnout/stream", HttpCompletionOption.ResponseHeadersRead, cts.Token);
            Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
            using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(cts.Token));
            Assert.Equal("event: turnout", await reader.ReadLineAsync(cts.Token));
            var data = await reader.ReadLineAsync(cts.Token);
            Assert.Contains("\"cast\":2", data);
            Assert.Contains("\"status\":\"Open\"", data);
        }

        await admin.PostAsync($"/api/reviews/{review.Id}/close", null);
        var closed = await admin.GetStringAsync($"/reviews/{review.Id}/screen");
        Assert.Contains("chart-data", closed);
        Assert.Contains("vizor-echarts-bundle-min.js", closed);
        Assert.Contains(review.Subjects[0].Name, closed);
    }
}
