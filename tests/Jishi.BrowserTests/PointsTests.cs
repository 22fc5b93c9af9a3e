using Jishi.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Jishi.BrowserTests;

/// <summary>A community secretary's points screens on the 2016 demo: the leaderboard, a member's statement with stars,
/// approving and rejecting pending entries, reversing one, and the rules of a tier.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PointsTests(JishiServer server)
{
    [Fact]
    public async Task Points_SecretaryApprovesAndReverses_StatementShowsStarsAndStates()
    {
        var page = await server.LoginAsync("sq01");
        await page.ClickAsync(".app-sider a[href='/points']");
        await Assertions.Expect(page.Locator("h1.page-title")).ToHaveTextAsync("积分排行");
        // The demo's year, named: other tests post points today, which would make this year the page's default.
        await page.GotoAsync("/points?year=2016");
        await JishiServer.WaitForCircuitAsync(page);
        var rows = page.Locator(".points-board tbody tr.ant-table-row");
        await Assertions.Expect(rows.First).ToContainTextAsync("★");
        Assert.True(await rows.CountAsync() >= 20);
        await Assertions.Expect(page.Locator("#board-year input, input#board-year").First).ToHaveValueAsync("2016");
        await JishiServer.ScreenshotAsync(page, "40-points-board");

        // Approvals: the oldest pending entry approved, the next rejected with a reason.
        await page.ClickAsync(".app-sider a[href='/points/approvals']");
        await Assertions.Expect(page.Locator("h1.page-title")).ToHaveTextAsync("积分审核");
        var pending = page.Locator(".approvals-table tbody tr.ant-table-row");
        await Assertions.Expect(pending.First).ToBeVisibleAsync();
        var before = await pending.CountAsync();
        var approvedMember = (await pending.First.Locator("td a").First.TextContentAsync())!.Trim();
        await JishiServer.ScreenshotAsync(page, "41-points-approvals");
        await pending.First.Locator(".entry-approve").ClickAsync();
        await Assertions.Expect(page.Locator(".ant-message")).ToContainTextAsync("已通过 " + approvedMember);
        await Assertions.Expect(pending).ToHaveCountAsync(before - 1);
        await pending.First.Locator(".entry-reject").ClickAsync();
        await page.ClickAsync(".reject-modal .modal-ok");
        await Assertions.Expect(page.Locator(".reject-modal .error-text")).ToContainTextAsync("请填写理由");
        await JishiServer.FillDialogInputAsync(page, "#reject-reason", "与社区签到表不符");
        await page.ClickAsync(".reject-modal .modal-ok");
        await Assertions.Expect(pending).ToHaveCountAsync(before - 2);

        // The approved member's statement: the entry counts now, with stars and every entry's rule and state.
        await pending.First.Locator("td a").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1.page-title")).ToContainTextAsync("的积分明细（2016 年度）");
        await Assertions.Expect(page.Locator("#star-level")).ToContainTextAsync("★");
        var entries = page.Locator(".statement-table tbody tr.ant-table-row");
        await Assertions.Expect(entries.First).ToBeVisibleAsync();
        var scoreBefore = await page.Locator("#assessment-score .value").TextContentAsync();
        var reversible = entries.Filter(new() { Has = page.Locator(".entry-reverse") }).First;
        await reversible.Locator(".entry-reverse").ClickAsync();
        await JishiServer.FillDialogInputAsync(page, "#reverse-reason", "当日请假，误记为出席");
        await page.ClickAsync(".reverse-modal .modal-ok");
        await page.Locator(".reverse-modal .ant-modal").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await Assertions.Expect(page.Locator(".statement-table")).ToContainTextAsync("当日请假，误记为出席");
        await Assertions.Expect(page.Locator(".statement-table")).ToContainTextAsync("已冲正");
        await Assertions.Expect(page.Locator("#assessment-score .value")).Not.ToHaveTextAsync(scoreBefore!);
        await JishiServer.ScreenshotAsync(page, "42-points-statement");

        // The rules of a tier, read-only.
        await page.ClickAsync(".app-sider a[href='/points/rules']");
        await Assertions.Expect(page.Locator(".rules-table")).ToContainTextAsync("参加党员大会");
        await page.ClickAsync(".rules-tabs .ant-tabs-tab:has-text('离退休')");
        await Assertions.Expect(page.Locator(".rules-table")).Not.ToContainTextAsync("参加支委会");
        await Assertions.Expect(page.Locator("#rules-version")).ToContainTextAsync("第 1 版");
        await JishiServer.ScreenshotAsync(page, "43-points-rules");
    }
}
