using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jishi.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Jishi.BrowserTests;

/// <summary>A campaign rated on several items (测评项目): the admin sets them with the 五项测评 preset, and an evaluator
/// rates every secretary on every item on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DimensionBallotTests(JishiServer server)
{
    private sealed record Row(int Id, string Name, int UnitId);
    private sealed record Review(int Id, List<Row> Subjects, List<Row> VoterGroups, List<Row> Dimensions);
    private sealed record TokenList(List<string> Tokens);

    [Fact]
    public async Task FiveItemBallot_PresetOnDetailPage_PhoneRatesEveryItem_ConfirmsAndCounts()
    {
        using var admin = await server.AdminClientAsync();
        var communities = (await admin.GetFromJsonAsync<Review>("/api/reviews/1"))!.Subjects.Take(3).Select(s => new { unitId = s.UnitId });
        var created = await admin.PostAsJsonAsync("/api/reviews", new
        {
            title = "2016年度社区党组织书记述职评议（五项测评）", year = 2016, meetingDate = "2016-02-13", subjects = communities,
            voterGroups = new[] { new { name = "党员代表", weight = 1.0, headCount = 30 } }, ballotWeight = 0.4,
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<Review>())!.Id;

        // The admin fills the five items with the preset, removes none, and saves.
        var desk = await server.LoginAsync();
        await desk.GotoAsync($"/reviews/{id}");
        await JishiServer.WaitForCircuitAsync(desk);
        await desk.ClickAsync("#dimension-preset");
        await Assertions.Expect(desk.Locator(".dimension-tag")).ToHaveCountAsync(5);
        await desk.ClickAsync("#dimension-save");
        await Assertions.Expect(desk.Locator(".ant-message")).ToContainTextAsync("已保存");
        await JishiServer.ScreenshotAsync(desk, "40-review-dimensions");
        await desk.Context.CloseAsync();

        var review = (await admin.GetFromJsonAsync<Review>($"/api/reviews/{id}"))!;
        Assert.Equal(["抓党建工作责任落实", "基层组织建设", "党员教育管理", "服务群众", "党风廉政建设"], review.Dimensions.Select(d => d.Name));
        (await admin.PostAsync($"/api/reviews/{id}/open", null)).EnsureSuccessStatusCode();
        var issued = await admin.PostAsJsonAsync($"/api/reviews/{id}/tokens", new { voterGroupId = review.VoterGroups[0].Id, count = 1 });
        var token = (await issued.Content.ReadFromJsonAsync<TokenList>())!.Tokens[0];

        var page = await server.PhoneAsync();
        await page.GotoAsync($"/ballot/{token}");
        var cards = page.Locator("fieldset.card");
        await Assertions.Expect(cards).ToHaveCountAsync(3);
        await Assertions.Expect(cards.First.Locator(".dimension")).ToHaveCountAsync(5);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= innerWidth"), "the ballot is wider than the phone");
        // Every item of every secretary but the last item of the last one; the browser's own check is turned off, as
        // on an old phone, so the server has to find the gap.
        for (var s = 0; s < 3; s++)
        {
            for (var d = 0; d < (s == 2 ? 4 : 5); d++)
            {
                await cards.Nth(s).Locator(".dimension").Nth(d).Locator("label.grade").Nth((s + d) % 4).TapAsync();
            }
        }
        await page.EvalOnSelectorAsync("form", "f => f.noValidate = true");
        await page.ClickAsync("button[value=review]");
        await Assertions.Expect(page.Locator("[role=alert]")).ToHaveTextAsync("还有 1 位书记的部分项目没有评价，请在红框中选择。");
        await Assertions.Expect(page.Locator(".dimension.missing")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".dimension input:checked")).ToHaveCountAsync(14);
        await page.Locator(".dimension.missing").ScrollIntoViewIfNeededAsync();
        await JishiServer.ScreenshotAsync(page, "41-ballot-dimensions-missing");

        await page.Locator(".dimension.missing label.grade").First.TapAsync();
        await page.ClickAsync("button[value=review]");
        await Assertions.Expect(page.Locator(".summary li.dimension-row")).ToHaveCountAsync(15);
        await Assertions.Expect(page.Locator(".summary li.subject-head")).ToHaveCountAsync(3);
        await JishiServer.ScreenshotAsync(page, "42-ballot-dimensions-confirm");
        await page.ClickAsync("button[value=cast]");
        await Assertions.Expect(page.Locator("[data-testid=receipt]")).ToHaveTextAsync(new Regex(@"\S{4,}"));
        await page.Context.CloseAsync();

        (await admin.PostAsync($"/api/reviews/{id}/close", null)).EnsureSuccessStatusCode();
        var results = (await admin.GetFromJsonAsync<List<Dictionary<string, object>>>($"/api/reviews/{id}/results"))!;
        Assert.Equal(3, results.Count);
        // One ballot of five items: five ratings counted per secretary.
        Assert.All(results, r => Assert.Equal(5, ((System.Text.Json.JsonElement)r["counts"]).EnumerateObject().Sum(c => c.Value.GetInt32())));
    }
}
