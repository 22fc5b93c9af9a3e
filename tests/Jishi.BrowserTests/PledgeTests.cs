using Jishi.BrowserTests.Infrastructure;
using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jishi.BrowserTests;

/// <summary>A community secretary records a member's pledge, publishes it and marks it kept; the public board shows it
/// with its ✓; the 公示 screen shows the demo's closed first quarter with its resolved objection.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PledgeTests(JishiServer server)
{
    private const string Item = "帮助社区整治停车秩序";

    [Fact]
    public async Task Pledge_CreatePublishKeep_BoardShowsItKept()
    {
        var page = await server.LoginAsync("sq01");
        await page.ClickAsync(".app-sider a[href='/points/pledges']");
        await Assertions.Expect(page.Locator("h1.page-title")).ToHaveTextAsync("公开承诺");
        // The demo's year, named, so that what the page shows does not depend on the year it opens on.
        await page.FillAsync("#pledge-year input", "2016");
        await page.ClickAsync(".search-form button[type=submit]");
        await Assertions.Expect(page.Locator(".pledges-table")).ToContainTextAsync("结对帮扶困难户");

        await page.ClickAsync("#pledge-new");
        await JishiServer.PickOptionAsync(page, ".pledge-modal #pledge-member", await MemberWithoutPledgeAsync());
        await JishiServer.FillDialogInputAsync(page, ".pledge-modal input.pledge-item-text", Item);
        await page.Locator(".pledge-modal input.pledge-item-target").FillAsync("每月1次");
        await page.ClickAsync(".pledge-modal #pledge-item-add");
        await page.Locator(".pledge-modal input.pledge-item-text").Nth(1).FillAsync("走访慰问困难党员");
        await page.Locator(".pledge-modal input.pledge-item-target").Nth(1).FillAsync("4人次");
        await JishiServer.ScreenshotAsync(page, "60-pledge-dialog");
        await page.ClickAsync(".pledge-modal .modal-ok");
        var row = page.Locator(".pledges-table tbody tr.ant-table-row").Filter(new() { HasText = Item });
        await Assertions.Expect(row.Locator(".pledge-status")).ToHaveTextAsync("草稿");

        await row.Locator(".pledge-publish").ClickAsync();
        await Assertions.Expect(row.Locator(".pledge-status")).ToHaveTextAsync("已公开");
        await row.Locator(".pledge-keep").ClickAsync();
        await page.ClickAsync(".pledge-action-modal .modal-ok");
        await Assertions.Expect(page.Locator(".pledge-action-modal .error-text")).ToContainTextAsync("践诺佐证");
        await JishiServer.FillDialogInputAsync(page, "#pledge-action-text", "社区停车秩序照片及物业证明");
        await page.ClickAsync(".pledge-action-modal .modal-ok");
        await Assertions.Expect(row.Locator(".pledge-status")).ToHaveTextAsync("已践诺");
        await Assertions.Expect(row).ToContainTextAsync("积分 +10");
        await JishiServer.ScreenshotAsync(page, "61-pledges");

        var board = await page.Locator("#pledge-board").GetAttributeAsync("href");
        await page.GotoAsync(server.BaseUrl.TrimEnd('/') + board);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("2016年度党员公开承诺");
        var kept = page.Locator("tr[data-testid=board-pledge]").Filter(new() { HasText = Item });
        await Assertions.Expect(kept.Locator("td.status")).ToHaveTextAsync("✓ 已践诺");
        await JishiServer.ScreenshotAsync(page, "62-pledge-board");
    }

    [Fact]
    public async Task Postings_DemoQuarter_ShowsClosedWindowAndResolvedObjection()
    {
        var page = await server.LoginAsync("sq01");
        await page.ClickAsync(".app-sider a[href='/points/postings']");
        await Assertions.Expect(page.Locator("h1.page-title")).ToHaveTextAsync("积分公示");
        var row = page.Locator(".postings-table tbody tr.ant-table-row").Filter(new() { HasText = "2016年第1季度" });
        await Assertions.Expect(row).ToContainTextAsync("已结束");

        await row.Locator(".posting-show").ClickAsync();
        await Assertions.Expect(page.Locator(".objections-table")).ToContainTextAsync("已驳回");
        await Assertions.Expect(page.Locator(".posted-table tbody tr.ant-table-row").First).ToBeVisibleAsync();
        await JishiServer.WaitForAnimationsAsync(page); // the dialog's opening animation
        await JishiServer.ScreenshotAsync(page, "63-posting-detail");

        var id = await row.Locator("a[href^='/board/postings/']").GetAttributeAsync("href");
        await page.GotoAsync(server.BaseUrl.TrimEnd('/') + id);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("2016年第1季度党员积分公示");
        await Assertions.Expect(page.Locator(".meta")).ToContainTextAsync("2016年4月5日 至 2016年4月9日");
        await JishiServer.ScreenshotAsync(page, "64-posting-board");
        // The first screen as the hall's display shows it (the full page is some eighty members long).
        await page.ScreenshotAsync(new() { Path = Path.Combine(JishiServer.ScreenshotFolder, "65-posting-board-screen.png") });
    }

    /// <summary>The dialog's label of an active member of sq01's community who has no pledge yet and a name of his own
    /// there: the first by id, however many members other tests add.</summary>
    private async Task<string> MemberWithoutPledgeAsync()
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JishiDbContext>();
        var community = await db.Users.Where(u => u.UserName == "sq01").Select(u => u.Unit!.Path).SingleAsync();
        var members = await db.Members.Where(m => m.Unit!.Path.StartsWith(community) && m.Status == MemberStatus.Active)
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.Name, Unit = m.Unit!.Name }).ToListAsync();
        var pledged = await db.Pledges.Select(p => p.MemberId).ToListAsync();
        var member = members.First(m => !pledged.Contains(m.Id) && members.Count(o => o.Name == m.Name) == 1);
        return $"{member.Name}（{member.Unit}）";
    }
}
