using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using static Jishi.IntegrationTests.Reviews.ReviewApi;

namespace Jishi.IntegrationTests.Reviews;

[Collection(ApiCollection.Name)]
public sealed class ScreenTests(JishiFactory factory)
{

    [Fact]
    public async Task Screen_WhileOpen_StreamsTurnoutAndHidesResults_AfterClose_ShowsRanking()
    {
        var admin = await factory.ClientForAsync("admin");
        var review = await CreateOpenAsync(admin, "大屏测评", 2, "社区干部");
        var tokens = await IssueAsync(admin, review, 0, 3);
        var voter = factory.CreateClient();
        foreach (var t in tokens.Take(2))
        {
            await voter.PostAsJsonAsync($"/api/ballots/{t}", BallotAll(review, "好"));
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
