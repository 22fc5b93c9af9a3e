using Jishi.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Jishi.BrowserTests;

/// <summary>抓党建: the street creates a key task for every community and a secretary reports its cell done; the demo's
/// 2016 matrix, responsibility list print, daily-score fill and publicity ranking as a cadre sees them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DutiesTests(JishiServer server)
{
    private const string Task = "开展党员冬训";

    private string Url(string path) => server.BaseUrl.TrimEnd('/') + path;

    [Fact]
    public async Task KeyTask_StreetCreatesForAll_SecretaryReportsDone()
    {
        var admin = await server.LoginAsync();
        await admin.GotoAsync(Url("/key-tasks?year=2015"));
        await JishiServer.WaitForCircuitAsync(admin);
        await admin.ClickAsync("#keytask-new");
        await JishiServer.FillDialogInputAsync(admin, "#task-title", Task);
        await admin.FillAsync("#task-desc", "全体党员集中学习不少于 2 天");
        await admin.FillAsync("#task-deadline", "2015-03-31");
        await admin.ClickAsync(".keytask-new-modal .modal-ok");
        var row = admin.Locator("#keytask-matrix tbody tr").Filter(new() { HasText = Task });
        await Assertions.Expect(row.Locator("td.keytask-cell")).ToHaveCountAsync(9);
        await Assertions.Expect(row.Locator("td.status-overdue")).ToHaveCountAsync(9);

        var secretary = await server.LoginAsync("sq01");
        await secretary.GotoAsync(Url("/key-tasks?year=2015"));
        await JishiServer.WaitForCircuitAsync(secretary);
        var mine = secretary.Locator("#keytask-matrix tbody tr").Filter(new() { HasText = Task }).Locator("td.keytask-cell");
        await Assertions.Expect(mine).ToHaveCountAsync(1);
        await mine.Locator("a.keytask-open").ClickAsync();
        await JishiServer.FillDialogInputAsync(secretary, "#cell-owner", "王建国");
        await secretary.FillAsync("#cell-progress", "100");
        await secretary.Locator("#cell-progress").BlurAsync();
        await secretary.FillAsync("#cell-completed", "2015-03-20");
        await secretary.FillAsync("#cell-note", "已组织冬训，签到表已上传");
        await JishiServer.ScreenshotAsync(secretary, "90-key-task-cell");
        await secretary.ClickAsync(".keytask-cell-modal .modal-ok");
        await Assertions.Expect(mine).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("status-done"));
        await Assertions.Expect(secretary.Locator("#keytask-matrix td.keytask-rate")).ToHaveTextAsync("100%");

        await admin.ReloadAsync();
        await Assertions.Expect(row.Locator("td.status-done")).ToHaveCountAsync(1);
        await admin.GotoAsync(Url("/key-tasks?year=2016"));
        await Assertions.Expect(admin.Locator("#keytask-matrix tbody tr")).ToHaveCountAsync(8);
        await JishiServer.ScreenshotAsync(admin, "91-key-tasks-2016");
    }

    [Fact]
    public async Task DemoYear_PrintListAndFillDailyScores_ShowValues()
    {
        var admin = await server.LoginAsync();
        await admin.GotoAsync(Url("/duties?year=2016"));
        await Assertions.Expect(admin.Locator("#duty-lists tbody tr")).ToHaveCountAsync(9);
        await JishiServer.ScreenshotAsync(admin, "92-duty-lists");
        var print = await admin.Locator("a.duty-print-link").First.GetAttributeAsync("href");
        await admin.GotoAsync(Url(print!));
        await Assertions.Expect(admin.Locator(".duty-print h1")).ToContainTextAsync("责任清单（2016 年）");
        await Assertions.Expect(admin.Locator(".duty-print tbody tr")).ToHaveCountAsync(7);
        await JishiServer.ScreenshotAsync(admin, "93-duty-print");

        await admin.GotoAsync(Url("/reviews/1"));
        await JishiServer.WaitForCircuitAsync(admin);
        await admin.ClickAsync("#keytask-scores");
        var table = admin.Locator("#keytask-scores-table tbody tr");
        await Assertions.Expect(table).ToHaveCountAsync(9);
        await Assertions.Expect(table.First.Locator("td.new-score")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+(\.\d+)?$"));
        await JishiServer.WaitForAnimationsAsync(admin); // the dialog's opening animation
        await JishiServer.ScreenshotAsync(admin, "94-daily-scores-confirm");
    }

    [Fact]
    public async Task Publicity_SecretaryAddsNationalItem_RankingWeightsIt()
    {
        var page = await server.LoginAsync("sq02");
        await page.GotoAsync(Url("/publicity?year=2016"));
        await JishiServer.WaitForCircuitAsync(page);
        var weighted = page.Locator("#publicity-ranking tbody tr td.weighted");
        await Assertions.Expect(weighted).ToHaveTextAsync("4");

        await page.ClickAsync("#publicity-new");
        await JishiServer.FillDialogInputAsync(page, "#pub-title", "社区党员十年坚持义务理发");
        await page.FillAsync("#pub-outlet", "人民日报");
        await page.SelectOptionAsync("#pub-level", "National");
        await page.FillAsync("#pub-date", "2016-11-18");
        await page.FillAsync("#pub-link", "https://news.example.cn/2016/x.html");
        await JishiServer.ScreenshotAsync(page, "95-publicity-dialog");
        await page.ClickAsync(".publicity-new-modal .modal-ok");

        await Assertions.Expect(page.Locator("#publicity-items")).ToContainTextAsync("社区党员十年坚持义务理发");
        await Assertions.Expect(weighted).ToHaveTextAsync("12");
        var admin = await server.LoginAsync();
        await admin.GotoAsync(Url("/publicity?year=2016"));
        await Assertions.Expect(admin.Locator("#publicity-ranking tbody tr")).ToHaveCountAsync(9);
        await JishiServer.ScreenshotAsync(admin, "96-publicity-ranking");
    }
}
