using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jishi.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Jishi.BrowserTests;

/// <summary>The light pages of 述职评议 as people meet them: the A4 card sheet, the phone ballot, the projector and the
/// printed summary. The demo campaign (1) is only opened here, never closed, so the sheet and the ballot work in any
/// test order; the screen and the summary close a campaign of their own, built like the demo one.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ReviewsLightPagesTests(JishiServer server)
{
    private const int DemoReview = 1;

    private sealed record SubjectRow(int Id, string Name, int UnitId, string UnitName);
    private sealed record GroupRow(int Id, string Name, double Weight, int HeadCount);
    private sealed record Review(int Id, string Title, List<SubjectRow> Subjects, List<GroupRow> VoterGroups);
    private sealed record TokenList(List<string> Tokens);

    [Fact]
    public async Task TokenSheet_IssueTen_ShowsTenQrCardsAndPrintsToPdf()
    {
        var page = await server.LoginAsync();
        await page.GotoAsync($"/reviews/{DemoReview}/tokens");
        await page.SelectOptionAsync("select[name='Form.VoterGroupId']", new SelectOptionValue { Index = 1 });
        await page.FillAsync("input[name='Form.Count']", "10");
        await page.ClickAsync("button[type=submit]");

        var cards = page.Locator("[data-testid=token-card]");
        await Assertions.Expect(cards).ToHaveCountAsync(10);
        Assert.Equal(10, await page.Locator("[data-testid=token-card] .qr svg").CountAsync());
        var codes = await page.Locator("[data-testid=token-card] .code").AllInnerTextsAsync();
        Assert.Equal(10, codes.Distinct().Count(c => c.Trim().Length >= 6));
        await Assertions.Expect(page.Locator(".sheet-tools")).ToContainTextAsync("生成 10 个测评码");
        await JishiServer.ScreenshotAsync(page, "30-token-sheet");

        // Four rows of three cards fit an A4 page, so ten cards take one sheet of paper.
        Assert.Equal(1, await PdfPrint.AssertPdfAsync(page, "30-token-sheet"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PhoneBallot_OneMissingBlocked_ThenCast_ReceiptSurvivesRefreshAndBack()
    {
        using var admin = await server.AdminClientAsync();
        var open = await admin.PostAsync($"/api/reviews/{DemoReview}/open", null);
        Assert.True(open.IsSuccessStatusCode || open.StatusCode == HttpStatusCode.Conflict, $"open answered {open.StatusCode}");
        var review = (await admin.GetFromJsonAsync<Review>($"/api/reviews/{DemoReview}"))!;
        var token = (await IssueAsync(admin, review, 1))[0];

        var page = await server.PhoneAsync();
        await page.GotoAsync($"/ballot/{token}");
        var cards = page.Locator("fieldset.card");
        await Assertions.Expect(cards).ToHaveCountAsync(review.Subjects.Count);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= innerWidth"), "the ballot is wider than the phone");
        // A finger taps the big grade button, not the hidden radio behind it. The first secretary is left out.
        for (var i = 1; i < review.Subjects.Count; i++)
        {
            await cards.Nth(i).Locator("label.grade").Nth(i % 2).TapAsync();
        }
        await JishiServer.ScreenshotAsync(page, "31-ballot-form");

        // The radios are required, so the browser itself stops the post and scrolls back up to the card left empty:
        // the page stays, nothing reaches the server (no 还有 1 位 message), and the empty radio reports itself invalid.
        await page.ClickAsync("button[value=review]");
        await Assertions.Expect(cards.First).ToBeInViewportAsync();
        Assert.False(await cards.First.Locator("input[type=radio]").First.EvaluateAsync<bool>("e => e.checkValidity()"));
        Assert.Equal(0, await page.Locator("button[value=cast]").CountAsync());
        Assert.Equal(0, await page.Locator("[role=alert]").CountAsync());

        await cards.First.Locator("label.grade").First.TapAsync();
        await page.ClickAsync("button[value=review]");
        await Assertions.Expect(page.Locator(".summary li")).ToHaveCountAsync(review.Subjects.Count);
        await Assertions.Expect(page.Locator(".summary")).ToContainTextAsync(review.Subjects[^1].Name);
        await JishiServer.ScreenshotAsync(page, "32-ballot-confirm");

        await page.ClickAsync("button[value=cast]");
        var receipt = page.Locator("[data-testid=receipt]");
        await Assertions.Expect(receipt).ToHaveTextAsync(new Regex(@"\S{4,}"));
        await Assertions.Expect(page.Locator(".done")).ToHaveTextAsync("投票成功，谢谢！");
        await JishiServer.ScreenshotAsync(page, "33-ballot-receipt");
        var code = await receipt.InnerTextAsync();

        // Post/redirect/get: refresh and back show the same receipt, never a re-post (no 400, no "Confirm Form Resubmission").
        var reloaded = await page.ReloadAsync();
        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)reloaded!.Status);
        await Assertions.Expect(receipt).ToHaveTextAsync(code);
        await page.GoBackAsync();
        await Assertions.Expect(receipt).ToHaveTextAsync(code);
        await Assertions.Expect(page.Locator(".summary")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();

        // Another phone with the same code: it worked once; nothing of the ballot, and whom to ask.
        var other = await server.PhoneAsync();
        await other.GotoAsync($"/ballot/{token}");
        await Assertions.Expect(other.Locator(".done")).ToHaveTextAsync("已投票");
        await Assertions.Expect(other.Locator("[data-testid=used]")).ToContainTextAsync("工作人员");
        Assert.Equal(0, await other.Locator("form").CountAsync());
        await JishiServer.ScreenshotAsync(other, "33b-ballot-used");
        await other.Context.CloseAsync();
    }

    [Fact]
    public async Task ReceiptPage_AfterPublish_SaysTheBallotCounted()
    {
        using var admin = await server.AdminClientAsync();
        var review = await CopyDemoAsync(admin, "回执查询");
        var token = (await IssueAsync(admin, review, 1))[0];
        using var voter = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var cast = await voter.PostAsJsonAsync($"/api/ballots/{token}",
            new { ratings = review.Subjects.Select(s => new { subjectId = s.Id, grade = "好" }) });
        var receipt = (await cast.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["receipt"];

        var phone = await server.PhoneAsync();
        await phone.GotoAsync($"/receipt?code={receipt}");
        await Assertions.Expect(phone.Locator("[data-testid=receipt-missing]")).ToBeVisibleAsync(); // not before publication
        Assert.True((await admin.PostAsync($"/api/reviews/{review.Id}/close", null)).IsSuccessStatusCode);
        Assert.True((await admin.PostAsync($"/api/reviews/{review.Id}/publish", null)).IsSuccessStatusCode);
        await phone.ReloadAsync();
        await Assertions.Expect(phone.Locator("[data-testid=receipt-found]")).ToContainTextAsync("（回执查询）");
        await JishiServer.ScreenshotAsync(phone, "hall-receipt-390");
        await phone.SetViewportSizeAsync(1366, 768);
        await JishiServer.ScreenshotAsync(phone, "hall-receipt-1366");
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task SubmitWithOneMissing_WithoutBrowserCheck_ServerNamesTheMissingCount()
    {
        // An old phone browser that ignores "required" still posts; the server then marks the card and says how many are left.
        using var admin = await server.AdminClientAsync();
        var review = await CopyDemoAsync(admin, "漏评提示");
        var token = (await IssueAsync(admin, review, 1))[0];
        var page = await server.PhoneAsync();
        await page.GotoAsync($"/ballot/{token}");
        var cards = page.Locator("fieldset.card");
        for (var i = 0; i < review.Subjects.Count - 1; i++)
        {
            await cards.Nth(i).Locator("label.grade").First.TapAsync();
        }
        await page.EvalOnSelectorAsync("form", "f => f.noValidate = true");
        await page.ClickAsync("button[value=review]");
        await Assertions.Expect(page.Locator("[role=alert]")).ToHaveTextAsync("还有 1 位没有评价，请在红框中选择。");
        await Assertions.Expect(page.Locator("fieldset.card.missing")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("fieldset.card input:checked")).ToHaveCountAsync(review.Subjects.Count - 1);
        await JishiServer.ScreenshotAsync(page, "31b-ballot-missing");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task BigScreen_BallotsCast_CounterRisesLive_Close_ReloadsIntoResults()
    {
        using var admin = await server.AdminClientAsync();
        var review = await CopyDemoAsync(admin, "大屏直播");
        var tokens = await IssueAsync(admin, review, 6);

        var page = await server.LoginAsync(width: 1920, height: 1080);
        await page.GotoAsync($"/reviews/{review.Id}/screen");
        var cast = page.Locator("[data-testid=cast]");
        await Assertions.Expect(cast).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("[data-testid=issued]")).ToHaveTextAsync("6");
        var loaded = await page.EvaluateAsync<double>("performance.timeOrigin");

        await CastAsync(review, tokens.Take(4));
        await AsSecondsPassAsync(() => Assertions.Expect(cast).ToHaveTextAsync("4", new() { Timeout = 1000 }));
        Assert.Equal(loaded, await page.EvaluateAsync<double>("performance.timeOrigin"));
        await Assertions.Expect(page.Locator(".hidden-note")).ToBeVisibleAsync();
        await JishiServer.ScreenshotAsync(page, "34-screen-open");
        // A fifth ballot: the group may now be broken out, and its means join the results.
        await CastAsync(review, tokens.Skip(4).Take(1));
        await AsSecondsPassAsync(() => Assertions.Expect(cast).ToHaveTextAsync("5", new() { Timeout = 1000 }));

        (await admin.PostAsync($"/api/reviews/{review.Id}/close", null)).EnsureSuccessStatusCode();
        await AsSecondsPassAsync(() => Assertions.Expect(page.Locator(".screen[data-status=Closed]")).ToBeVisibleAsync(new() { Timeout = 1000 }));
        Assert.NotEqual(loaded, await page.EvaluateAsync<double>("performance.timeOrigin"));
        await Assertions.Expect(page.Locator(".results table.ranking tbody tr")).ToHaveCountAsync(review.Subjects.Count);
        await Assertions.Expect(page.Locator("#chart canvas")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".results table.ranking tbody td.group-mean")).ToHaveCountAsync(review.Subjects.Count);
        await Assertions.Expect(page.Locator(".results .hidden-groups")).ToContainTextAsync("不足5票，不单列");
        await JishiServer.ScreenshotAsync(page, "35-screen-results");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollHeight <= innerHeight"), "results scroll at 1920×1080");

        // Many halls still have a 1024×768 projector: nothing may stick out sideways there either.
        await page.SetViewportSizeAsync(1024, 768);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#chart canvas")).ToHaveCountAsync(1);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= innerWidth"), "results overflow at 1024×768");
        await JishiServer.ScreenshotAsync(page, "35b-screen-results-1024");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Summary_AfterClose_PrintsToA4Pdf()
    {
        using var admin = await server.AdminClientAsync();
        var review = await CopyDemoAsync(admin, "汇总打印");
        var tokens = await IssueAsync(admin, review, 6);
        await CastAsync(review, tokens);
        (await admin.PostAsync($"/api/reviews/{review.Id}/close", null)).EnsureSuccessStatusCode();

        var page = await server.LoginAsync();
        await page.GotoAsync($"/reviews/{review.Id}/summary");
        await Assertions.Expect(page.Locator(".summary-sheet h2").First).ToHaveTextAsync("社区党组织书记抓基层党建工作述职评议测评汇总表");
        await Assertions.Expect(page.Locator(".summary-sheet table:not(.group-table) tbody tr")).ToHaveCountAsync(review.Subjects.Count);
        await Assertions.Expect(page.Locator(".summary-sheet .meta")).ToContainTextAsync("收回测评票 6 张");
        // 6 ballots of one group: that group broken out for every secretary, the other three named once.
        await Assertions.Expect(page.Locator(".summary-sheet .group-table tbody")).ToHaveCountAsync(review.Subjects.Count);
        await Assertions.Expect(page.Locator(".summary-sheet .hidden-groups")).ToContainTextAsync("不足5票，不单列");
        await JishiServer.ScreenshotAsync(page, "36-summary");
        // The ranking on the first page, the per-group table from the second on.
        Assert.True(await PdfPrint.AssertPdfAsync(page, "36-summary") >= 2);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SubjectSheets_AfterClose_OneA4PagePerSecretary()
    {
        using var admin = await server.AdminClientAsync();
        var review = await CopyDemoAsync(admin, "个人测评表");
        await CastAsync(review, await IssueAsync(admin, review, 6));
        var first = review.Subjects[0];
        (await admin.PutAsJsonAsync($"/api/reviews/{review.Id}/subjects/{first.Id}/comment",
            new { text = "抓党建工作思路清晰，网格化管理有成效；党员教育管理还需加强，发展党员工作要更加规范。" })).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/reviews/{review.Id}/close", null)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/reviews/{review.Id}/rectifications",
            new { unitId = first.UnitId, problem = "党员发展计划执行不到位", owner = first.Name, deadline = "2016-06-30" })).EnsureSuccessStatusCode();

        var page = await server.LoginAsync();
        await page.GotoAsync($"/reviews/{review.Id}/subjects/{first.Id}/sheet");
        var sheet = page.Locator("article.person-sheet");
        await Assertions.Expect(sheet).ToHaveCountAsync(1);
        await Assertions.Expect(sheet.Locator(".facts .name")).ToHaveTextAsync(first.Name);
        await Assertions.Expect(sheet.Locator(".group-table .not-broken-out").First).ToHaveTextAsync("不足5票，不单列");
        await Assertions.Expect(sheet.Locator(".tasks")).ToContainTextAsync("党员发展计划执行不到位");
        await JishiServer.ScreenshotAsync(page, "37-subject-sheet");
        Assert.Equal(1, await PdfPrint.AssertPdfAsync(page, "37-subject-sheet"));

        await page.GotoAsync($"/reviews/{review.Id}/sheets");
        await Assertions.Expect(page.Locator("article.person-sheet")).ToHaveCountAsync(review.Subjects.Count);
        Assert.Equal(review.Subjects.Count, await PdfPrint.AssertPdfAsync(page, "38-all-sheets"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TokenShow_IssueFive_OneBigCodeAtATime_NextAndPrevious()
    {
        using var admin = await server.AdminClientAsync();
        var review = await CopyDemoAsync(admin, "逐个显示");
        var page = await server.LoginAsync(width: 1920, height: 1080);
        await page.GotoAsync($"/reviews/{review.Id}/tokens/show");
        await page.FillAsync("input[name='Form.Count']", "5");
        await page.ClickAsync("button[type=submit]");

        var visible = page.Locator("[data-testid=show-card]:visible");
        await Assertions.Expect(visible).ToHaveCountAsync(1);
        await Assertions.Expect(visible.Locator(".counter")).ToHaveTextAsync("第 1 / 5 张");
        Assert.Equal(0, await page.Locator("[data-testid=token-card]").CountAsync());
        var box = (await visible.Locator(".qr svg").BoundingBoxAsync())!;
        Assert.True(box.Height >= 600, $"the QR code is {box.Height}px high on a 1080px screen");
        var firstCode = await visible.Locator(".code").InnerTextAsync();
        await JishiServer.ScreenshotAsync(page, "39-token-show");

        await visible.GetByRole(AriaRole.Button, new() { Name = "下一个" }).ClickAsync();
        await Assertions.Expect(visible.Locator(".counter")).ToHaveTextAsync("第 2 / 5 张");
        Assert.NotEqual(firstCode, await visible.Locator(".code").InnerTextAsync());
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(visible.Locator(".counter")).ToHaveTextAsync("第 3 / 5 张");
        await visible.GetByRole(AriaRole.Button, new() { Name = "上一个" }).ClickAsync();
        await visible.GetByRole(AriaRole.Button, new() { Name = "上一个" }).ClickAsync();
        await Assertions.Expect(visible.Locator(".code")).ToHaveTextAsync(firstCode);
        await Assertions.Expect(visible.GetByRole(AriaRole.Button, new() { Name = "上一个" })).ToBeDisabledAsync();
        await JishiServer.ScreenshotAsync(page, "39b-token-show-first");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DailyScores_UploadOnReviewPage_BadFileListsCells_GoodFileUpdatesRows()
    {
        using var admin = await server.AdminClientAsync();
        var review = await CopyDemoAsync(admin, "日常考核导入");
        var page = await server.LoginAsync();
        await page.GotoAsync($"/reviews/{review.Id}");
        await JishiServer.WaitForCircuitAsync(page);

        var bad = await DailyWorkbookAsync("daily-bad", (999999, "", "", 80), (review.Subjects[0].Id, "", "", 120));
        await page.SetInputFilesAsync("#daily-file", bad);
        await Assertions.Expect(page.Locator("#daily-errors tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#daily-errors")).ToContainTextAsync("本次评议中没有编号为 999999 的书记");
        await Assertions.Expect(page.Locator("#daily-result")).ToContainTextAsync("没有导入任何分数");
        await JishiServer.ScreenshotAsync(page, "40-daily-import-errors");

        var subject = review.Subjects[1];
        // The second row by unit and name, as people fill in a sheet of their own without the 编号.
        var good = await DailyWorkbookAsync("daily-good", (review.Subjects[0].Id, "", "", 91.5), (null, subject.UnitName, subject.Name, 87));
        await page.SetInputFilesAsync("#daily-file", good);
        await Assertions.Expect(page.Locator("#daily-result")).ToContainTextAsync("已更新 2 位书记的日常考核分");
        await Assertions.Expect(page.Locator("#daily-errors")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator($"tr.subject-row[data-subject='{subject.Id}'] .subject-daily")).ToHaveValueAsync("87");
        await JishiServer.ScreenshotAsync(page, "41-daily-import-done");
        await page.Context.CloseAsync();
    }

    private static async Task<string> DailyWorkbookAsync(string name, params (int? Id, string Unit, string Name, double? Score)[] rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{name}-{Guid.NewGuid():N}.xlsx");
        await MiniExcelLibs.MiniExcel.SaveAsAsync(path, rows.Select(r => new Dictionary<string, object?>
        {
            ["编号"] = r.Id, ["单位"] = r.Unit, ["姓名"] = r.Name, ["日常考核得分"] = r.Score,
        }), sheetName: "日常考核得分");
        return path;
    }

    /// <summary>A phone in a hand: small screen, touch, Chinese.</summary>
    /// <summary>An open campaign with the demo campaign's secretaries and voter groups.</summary>
    private static async Task<Review> CopyDemoAsync(HttpClient admin, string title)
    {
        var demo = (await admin.GetFromJsonAsync<Review>($"/api/reviews/{DemoReview}"))!;
        var created = await admin.PostAsJsonAsync("/api/reviews", new
        {
            title = demo.Title + "（" + title + "）", year = 2016, meetingDate = "2016-02-13",
            subjects = demo.Subjects.Select(s => new { unitId = s.UnitId }),
            voterGroups = demo.VoterGroups.Select(g => new { name = g.Name, weight = g.Weight, headCount = g.HeadCount }),
            ballotWeight = 0.4,
        });
        created.EnsureSuccessStatusCode();
        var review = (await created.Content.ReadFromJsonAsync<Review>())!;
        (await admin.PostAsync($"/api/reviews/{review.Id}/open", null)).EnsureSuccessStatusCode();
        return review;
    }

    /// <summary>The big screen's server looks for news every second of the host's clock: the clock moves on a second at a
    /// time until <paramref name="expectation"/> holds (a bounded number of times).</summary>
    private async Task AsSecondsPassAsync(Func<Task> expectation)
    {
        for (var attempt = 1; ; attempt++)
        {
            server.Clock.Advance(TimeSpan.FromSeconds(1));
            try
            {
                await expectation();
                return;
            }
            catch (PlaywrightException) when (attempt < 15)
            {
                // Not shown yet: another second.
            }
        }
    }

    private static async Task<List<string>> IssueAsync(HttpClient admin, Review review, int count)
    {
        var issued = await admin.PostAsJsonAsync($"/api/reviews/{review.Id}/tokens", new { voterGroupId = review.VoterGroups[0].Id, count });
        issued.EnsureSuccessStatusCode();
        return (await issued.Content.ReadFromJsonAsync<TokenList>())!.Tokens;
    }

    /// <summary>Casts one ballot per token as an evaluator's phone would, the grades varying so the ranking has steps.</summary>
    private async Task CastAsync(Review review, IEnumerable<string> tokens)
    {
        string[] grades = ["好", "较好", "一般", "差"];
        using var voter = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        foreach (var (token, seed) in tokens.Select((t, n) => (t, n)))
        {
            var cast = await voter.PostAsJsonAsync($"/api/ballots/{token}",
                new { ratings = review.Subjects.Select((s, i) => new { subjectId = s.Id, grade = grades[(i * (seed + 1) + seed) % 4] }) });
            cast.EnsureSuccessStatusCode();
        }
    }
}
