using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jishi.BrowserTests.Infrastructure;
using Jishi.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Jishi.Testing;

namespace Jishi.BrowserTests;

/// <summary>分类定级 end to end: the street opens a 2017 round (through the API), branch secretary zb0101 scores the sheet
/// and uploads evidence in the browser and submits, the community forwards, the street decides the branch on its sheet and
/// posts the round on the grading screen, and the public posting page shows the stars.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GradingTests(JishiServer server)
{
    private static readonly byte[] Pdf = "%PDF-1.4 三会一课记录"u8.ToArray();

    private sealed record Library(int Id, List<Indicator> Indicators);

    private sealed record Indicator(int Id, decimal FullScore, string Kind, bool IsVeto, string? AutoSource);

    private sealed record Line(int GradingId, int UnitId);

    private sealed record Round(int Id, List<Line> Branches);

    [Fact]
    public async Task Grading_BranchSelfEvaluatesWithEvidence_StreetDecidesAndPostsStars()
    {
        var admin = await server.AdminClientAsync();
        var library = await (await admin.PostAsJsonAsync("/api/grading/libraries", new { year = 2017 })).Content.ReadFromJsonAsync<Library>();
        (await admin.PostAsync($"/api/grading/libraries/{library!.Id}/adopt", null)).EnsureSuccessStatusCode();
        var created = await admin.PostAsJsonAsync("/api/grading/rounds",
            new { year = 2017, libraryId = library.Id, deadline = server.Clock.ServerToday().AddDays(14) });
        var round = (await created.Content.ReadFromJsonAsync<Round>())!;
        (await admin.PostAsync($"/api/grading/rounds/{round.Id}/open", null)).EnsureSuccessStatusCode();
        int own;
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JishiDbContext>();
            var unit = await db.Users.Where(u => u.UserName == "zb0101").Select(u => u.UnitId).SingleAsync();
            own = round.Branches.Single(b => b.UnitId == unit).GradingId;
        }

        // The branch secretary: evidence where the sheet asks for it, a score on every item it scores, submit.
        var branch = await server.LoginAsync("zb0101");
        await branch.ClickAsync(".app-sider a[href='/grading']");
        await branch.Locator($".grading-table a[href='/grading/branches/{own}']").ClickAsync();
        await Assertions.Expect(branch.Locator("h1.page-title")).ToContainTextAsync("2017年度分类定级");
        var needing = branch.Locator("tr[data-indicator]").Filter(new() { HasText = "需佐证" });
        var count = await needing.CountAsync();
        Assert.True(count >= 5, $"{count} items ask for evidence");
        for (var i = 0; i < count; i++)
        {
            await needing.Nth(i).Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = $"佐证{i + 1}.pdf", MimeType = "application/pdf", Buffer = Pdf });
            await Assertions.Expect(needing.Nth(i).Locator(".grading-file")).ToHaveTextAsync($"佐证{i + 1}.pdf");
        }
        var basic = branch.Locator("table.grading-sheet tbody tr:not(.deduction-row):not(.veto-row) .grading-score input");
        for (var i = 0; i < await basic.CountAsync(); i++)
        {
            await basic.Nth(i).FillAsync("4.5");
            await basic.Nth(i).PressAsync("Tab");
        }
        await Assertions.Expect(branch.Locator("tr[data-indicator]").Filter(new() { HasText = "宣传报道" })).ToContainTextAsync("自动");
        await JishiServer.ScreenshotAsync(branch, "80-grading-self-evaluation");
        await branch.ClickAsync("#grading-submit");
        await Assertions.Expect(branch.Locator(".grading-status")).ToHaveTextAsync("已提交");
        await Assertions.Expect(branch.Locator("#grading-submit")).ToHaveCountAsync(0);

        // The community forwards; the street decides every other branch through the API.
        var sq01 = new HttpClient { BaseAddress = admin.BaseAddress };
        var token = await sq01.PostAsJsonAsync("/api/auth/token", new { userName = "sq01", password = JishiServer.DemoPassword });
        sq01.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<Token>())!.AccessToken);
        (await sq01.PostAsJsonAsync($"/api/grading/branches/{own}/review", new { forward = true })).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/grading/rounds/{round.Id}/review", null)).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/grading/rounds/{round.Id}/decide", null)).EnsureSuccessStatusCode();
        var shares = Enumerable.Range(0, round.Branches.Count).Select(i => 1m - i * 0.015m).ToList();
        foreach (var (line, i) in round.Branches.Where(b => b.GradingId != own).Select((b, i) => (b, i)))
        {
            var scores = library.Indicators.Select(x => new
            {
                indicatorId = x.Id, score = x.Kind == "Basic" ? Math.Round(x.FullScore * shares[i] * 2) / 2 : 0, vetoHit = false, note = "街道审定",
            });
            (await admin.PostAsJsonAsync($"/api/grading/branches/{line.GradingId}/decide", new { evaluationScore = 100 * shares[i], scores }))
                .EnsureSuccessStatusCode();
        }

        // The street decides the branch on its sheet and posts the round.
        var street = await server.LoginAsync();
        await street.GotoAsync($"/grading/branches/{own}");
        await JishiServer.WaitForCircuitAsync(street);
        await street.Locator("#grading-evaluation input").FillAsync("92");
        await street.Locator("#grading-evaluation input").PressAsync("Tab");
        await street.ClickAsync("#grading-decide");
        await Assertions.Expect(street.Locator(".grading-status")).ToHaveTextAsync("街道已审定");
        await Assertions.Expect(street.Locator(".grading-benchmark")).ToContainTextAsync("三会一课");
        await JishiServer.ScreenshotAsync(street, "81-grading-street-decision");
        await street.GotoAsync("/grading");
        await JishiServer.WaitForCircuitAsync(street);
        await Assertions.Expect(street.Locator("#grading-next")).ToHaveTextAsync("计算定级并公示");
        await street.ClickAsync("#grading-next");
        await Assertions.Expect(street.Locator("#grading-posting-link")).ToBeVisibleAsync();
        await Assertions.Expect(street.Locator(".grading-table .grading-rectify")).ToHaveCountAsync(1);
        await Assertions.Expect(street.Locator(".grading-table")).ToContainTextAsync("2016年");
        await JishiServer.ScreenshotAsync(street, "82-grading-posted");

        // A lagging branch's turnaround plan starts from its grade: the plan's form opens for that branch and year.
        await street.Locator(".grading-table .grading-plan").First.ClickAsync();
        await Assertions.Expect(street).ToHaveURLAsync(new Regex(@"/turnaround\?branch=\d+&year=\d+"));
        await Assertions.Expect(street.Locator("#plan-origin")).ToHaveValueAsync(new Regex("年度分类定级为后进"));

        // Anyone sees the posting: branches with stars and grades, open for objections.
        var phone = await server.PhoneAsync();
        await phone.GotoAsync($"/grading/{round.Id}/posting");
        var rows = phone.Locator("[data-testid=posting-row]");
        await Assertions.Expect(rows).ToHaveCountAsync(round.Branches.Count);
        await Assertions.Expect(rows.First.Locator(".posting-stars")).ToHaveTextAsync("★★★★★");
        await Assertions.Expect(phone.Locator("tr.rectify")).ToContainTextAsync("整顿");
        await Assertions.Expect(phone.Locator("form.objection-form")).ToBeVisibleAsync();
        await JishiServer.ScreenshotAsync(phone, "83-grading-posting-phone");
    }

    private sealed record Token(string AccessToken);
}
