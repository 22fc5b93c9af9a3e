using System.Net.Http.Json;
using Jishi.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Jishi.BrowserTests;

/// <summary>sq01's 2016 demo: the leaderboard by month, the warnings screen, the public star board on a projector and on
/// paper, and the year-end 积分考评 sheet printed to A4.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardsTests(JishiServer server)
{
    [Fact]
    public async Task Boards_SecretaryOpensPeriodWarningsStarBoardAndYearEnd_PrintsToA4()
    {
        var page = await server.LoginAsync("sq01");
        await page.ClickAsync(".app-sider a[href='/points']");
        await Assertions.Expect(page.Locator(".points-board tbody tr.ant-table-row").First).ToContainTextAsync("★");
        // The demo's year, named, so that what the page shows does not depend on the year it opens on.
        await page.GotoAsync("/points?year=2016");
        await JishiServer.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator(".points-board tbody tr.ant-table-row").First).ToContainTextAsync("★");

        // February (the demo's entries run from January to March): ranked by the month's points, in a column of their own.
        await JishiServer.PickOptionAsync(page, "#board-period", "月度");
        await page.Locator("#board-month input, input#board-month").First.FillAsync("2");
        await page.Keyboard.PressAsync("Tab");
        await page.ClickAsync("#board-search");
        await Assertions.Expect(page.Locator(".points-board thead")).ToContainTextAsync("本期得分");
        await Assertions.Expect(page.Locator(".points-board tbody tr.ant-table-row").First.Locator(".period-points")).Not.ToHaveTextAsync("0");
        var badge = page.Locator(".warnings-badge .ant-scroll-number, .warnings-badge sup").First;
        await Assertions.Expect(badge).ToBeVisibleAsync();
        await JishiServer.ScreenshotAsync(page, "50-points-board-month");
        var starHref = await page.Locator(".star-board-link").GetAttributeAsync("href");
        var yearEndHref = await page.Locator(".year-end-link").GetAttributeAsync("href");

        // Warnings: nobody in the 2016 demo is below 65, so one member gets sixty absences, which puts any score of the board under 60 (不合格).
        var lowest = await page.Locator(".points-board .statement-link").Last.GetAttributeAsync("href");
        var low = int.Parse(lowest!.Split('/', '?')[3], System.Globalization.CultureInfo.InvariantCulture);
        using (var admin = await server.AdminClientAsync())
        {
            var posted = await admin.PostAsJsonAsync("/api/points/entries", new { memberId = low, ruleCode = "absence", quantity = 60, occurredOn = "2016-03-30" });
            posted.EnsureSuccessStatusCode();
        }
        await page.GotoAsync("/points/warnings?year=2016");
        await Assertions.Expect(page.Locator("h1.page-title")).ToHaveTextAsync("积分预警");
        var warnings = page.Locator(".warnings-table tbody tr.ant-table-row");
        await Assertions.Expect(warnings.First).ToBeVisibleAsync();
        await Assertions.Expect(warnings.First.Locator(".warning-unqualified")).ToHaveTextAsync("不合格");
        await Assertions.Expect(warnings.First.Locator("a")).ToHaveAttributeAsync("href", $"/points/members/{low}?year=2016");
        await JishiServer.ScreenshotAsync(page, "51-points-warnings");

        // The year-end sheet: every member, bands, signature lines; A4.
        await page.GotoAsync(yearEndHref!);
        await Assertions.Expect(page.Locator(".year-end-sheet h1")).ToContainTextAsync("2016 年度党员积分考评表");
        await Assertions.Expect(page.Locator(".year-end-sheet .signatures")).ToContainTextAsync("支部书记签字");
        Assert.True(await page.Locator(".year-end-sheet tbody tr").CountAsync() >= 20);
        await JishiServer.ScreenshotAsync(page, "52-year-end");
        Assert.True(await PdfPrint.AssertPdfAsync(page, "52-year-end") >= 1);
        await page.Context.CloseAsync();

        // The star board, signed out, on a 1920×1080 projector, then on paper.
        var board = await server.NewPageAsync(1920, 1080);
        await board.GotoAsync(starHref!);
        await Assertions.Expect(board.Locator(".star-board h2")).ToContainTextAsync("2016 年度党员积分星级公示");
        var groups = board.Locator(".star-group");
        Assert.True(await groups.CountAsync() >= 2);
        var stars = await groups.EvaluateAllAsync<int[]>("gs => gs.map(g => +g.dataset.stars)");
        Assert.Equal(stars.OrderDescending(), stars);
        Assert.Equal(0, await board.Locator(".star-board a").CountAsync());
        await JishiServer.ScreenshotAsync(board, "53-star-board");
        Assert.True(await PdfPrint.AssertPdfAsync(board, "53-star-board") >= 1);
        await board.Context.CloseAsync();
    }
}
