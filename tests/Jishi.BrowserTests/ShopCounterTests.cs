using System.Net.Http.Json;
using Jishi.BrowserTests.Infrastructure;
using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Jishi.Testing;

namespace Jishi.BrowserTests;

/// <summary>At the 爱心超市 counter a community secretary finds a member who earned points this year, redeems a bag of
/// rice, shows the voucher, and verifies it once; a second verification is refused as 已核销.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ShopCounterTests(JishiServer server)
{
    [Fact]
    public async Task Counter_RedeemThenVerifyVoucher_SecondVerifyRefused()
    {
        var (memberId, name) = await MemberOfFirstCommunityAsync();
        using var admin = await server.AdminClientAsync();
        (await admin.PostAsJsonAsync("/api/points/entries", new { memberId, ruleCode = "theme-day", quantity = 8, occurredOn = server.Clock.ServerTodayText() }))
            .EnsureSuccessStatusCode();

        var page = await server.LoginAsync("sq01");
        await page.ClickAsync(".app-sider a[href='/shops/counter']");
        await Assertions.Expect(page.Locator("h1.page-title")).ToHaveTextAsync("兑换柜台");
        await page.FillAsync("#counter-find", name);
        await page.ClickAsync("#counter-find-go");
        var member = page.Locator(".counter-member").Filter(new() { HasText = name }).First;
        await Assertions.Expect(member).ToContainTextAsync("可兑换 40 分");
        await member.ClickAsync();
        var rice = page.Locator(".counter-goods tr").Filter(new() { HasText = "大米" });
        await Assertions.Expect(rice).ToContainTextAsync("30 分（折合 30 元）");
        await rice.Locator(".add-goods").ClickAsync();
        await Assertions.Expect(page.Locator("#basket-total")).ToHaveTextAsync("合计 30 分");
        await page.ClickAsync("#counter-redeem");
        await Assertions.Expect(page.Locator("#counter-voucher")).ToContainTextAsync("已扣 30 分");
        var code = (await page.Locator("#voucher-code").TextContentAsync())!.Trim();
        Assert.Matches("^[3-9A-HJKMNP-Y]{8}$", code);
        await Assertions.Expect(page.Locator(".counter-member-line")).ToContainTextAsync("10 分");
        await JishiServer.ScreenshotAsync(page, "70-shop-counter-voucher");

        await page.FillAsync("#verify-code", code.ToLowerInvariant());
        await page.ClickAsync("#verify-go");
        await Assertions.Expect(page.Locator("#verify-result")).ToContainTextAsync("核销成功");
        await Assertions.Expect(page.Locator("#verify-result")).ToContainTextAsync("大米（5公斤） × 1");
        await JishiServer.ScreenshotAsync(page, "71-shop-counter-verified");
        await page.ClickAsync("#verify-go");
        await Assertions.Expect(page.Locator("#verify-error")).ToContainTextAsync("已核销");
        await JishiServer.ScreenshotAsync(page, "72-shop-counter-already-used");
    }

    [Fact]
    public async Task ShopScreens_AdminAndDemoReport_ShowStockAndDecember()
    {
        var page = await server.LoginAsync("sq01");
        await page.ClickAsync(".app-sider a[href='/shops']");
        await Assertions.Expect(page.Locator(".goods-admin")).ToContainTextAsync("毛巾");
        await Assertions.Expect(page.Locator(".movements")).ToContainTextAsync("入库");
        await JishiServer.ScreenshotAsync(page, "73-shop-admin");

        await page.GotoAsync(server.BaseUrl.TrimEnd('/') + "/shops/report?year=2016&month=12");
        await JishiServer.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("#report-summary")).ToContainTextAsync("本月兑换 4 笔");
        await JishiServer.ScreenshotAsync(page, "74-shop-report");
    }

    private async Task<(int Id, string Name)> MemberOfFirstCommunityAsync()
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JishiDbContext>();
        var community = await db.Units.Where(u => u.Kind == UnitKind.Community).OrderBy(u => u.SortOrder).ThenBy(u => u.Id).Select(u => u.Path).FirstAsync();
        var year = server.Clock.ServerToday().Year;
        var taken = await db.MemberPoints.Where(p => p.Year == year).Select(p => p.MemberId).ToListAsync();
        var members = await db.Members.Where(m => m.Unit!.Path.StartsWith(community) && m.Status == MemberStatus.Active && m.Tier == "在职")
            .OrderByDescending(m => m.Id).Select(m => new { m.Id, m.Name }).ToListAsync();
        var member = members.First(m => !taken.Contains(m.Id) && members.Count(o => o.Name == m.Name) == 1);
        return (member.Id, member.Name);
    }
}
