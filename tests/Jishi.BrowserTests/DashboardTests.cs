using Jishi.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Jishi.BrowserTests;

/// <summary>The street dashboard of the 2016 demo: every panel drawn, a chart turned into its table and back, the
/// meeting-room screen rotating and as a grid, left with Escape; a community secretary sees its own community only.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(JishiServer server)
{
    private static readonly string[] Charts = ["review-results", "review-trend", "points-stars", "points-tiers", "volunteer-hours", "wishes", "shops", "rectifications", "key-tasks", "turnaround"];

    [Fact]
    public async Task Dashboard_StreetOpensTablesAndFullScreen_EveryPanelDrawn()
    {
        var page = await server.LoginAsync("admin");
        await page.ClickAsync(".app-sider a[href='/dashboard']");
        await Assertions.Expect(page.Locator("h1.page-title")).ToHaveTextAsync("党建驾驶舱");
        await page.GotoAsync("/dashboard?year=2016");
        await JishiServer.WaitForCircuitAsync(page);
        foreach (var key in Charts)
        {
            await Assertions.Expect(page.Locator($".dash-panel[data-panel='{key}'] .dash-chart canvas")).ToHaveCountAsync(1);
        }
        await Assertions.Expect(page.Locator(".dash-panel[data-panel='overdue'] tbody")).ToContainTextAsync("整改");
        await JishiServer.ScreenshotAsync(page, "90-dashboard");

        // The chart's table, and back to the chart.
        var stars = page.Locator(".dash-panel[data-panel='points-stars']");
        await stars.Locator(".dash-toggle").ClickAsync();
        await Assertions.Expect(stars.Locator(".dash-table tbody tr")).ToHaveCountAsync(9);
        await Assertions.Expect(stars.Locator(".dash-chart")).ToBeHiddenAsync();
        await Assertions.Expect(stars.Locator(".dash-table thead")).ToContainTextAsync("★★★★★");
        await stars.ScrollIntoViewIfNeededAsync();
        await JishiServer.ScreenshotAsync(page, "91-dashboard-table");
        await stars.Locator(".dash-toggle").ClickAsync();
        await Assertions.Expect(stars.Locator(".dash-chart canvas")).ToBeVisibleAsync();
        await Assertions.Expect(stars.Locator(".dash-table")).ToHaveCountAsync(0);
        var export = await page.Locator("#dashboard-export").GetAttributeAsync("href");
        Assert.Equal("/api/dashboard/export.xlsx?year=2016", export);

        // Full screen on the meeting room's 1920×1080 projector: one panel at a time, then all of them, then back.
        await page.SetViewportSizeAsync(1920, 1080);
        await page.ClickAsync("#dashboard-fullscreen");
        await page.WaitForURLAsync("**/dashboard/screen?year=2016");
        var current = page.Locator(".dash-screen .dash-panel.dash-current");
        await Assertions.Expect(current).ToHaveAttributeAsync("data-panel", "review-results");
        await Assertions.Expect(current.Locator("canvas")).ToHaveCountAsync(1);
        await JishiServer.ScreenshotAsync(page, "92-dashboard-screen");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(current).ToHaveAttributeAsync("data-panel", "points-stars");
        await JishiServer.ScreenshotAsync(page, "93-dashboard-screen-stars");
        await page.ClickAsync(".dash-mode:not(.active)");
        await page.WaitForURLAsync("**mode=grid");
        foreach (var key in Charts)
        {
            await Assertions.Expect(page.Locator($".dash-screen .dash-panel[data-panel='{key}'] canvas")).ToHaveCountAsync(1);
        }
        await JishiServer.ScreenshotAsync(page, "94-dashboard-screen-grid");
        await page.Keyboard.PressAsync("Escape");
        await page.WaitForURLAsync("**/dashboard?year=2016");
        // The charts and the two tables: overdue items and 换届提醒 (terms ending within 90 days).
        await Assertions.Expect(page.Locator(".dash-grid .dash-panel")).ToHaveCountAsync(Charts.Length + 2);
        await Assertions.Expect(page.Locator(".dash-grid .dash-panel[data-panel='terms']")).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Dashboard_CommunitySecretary_SeesItsCommunityOnly()
    {
        var page = await server.LoginAsync("sq01");
        await page.GotoAsync("/dashboard?year=2016");
        await JishiServer.WaitForCircuitAsync(page);
        var stars = page.Locator(".dash-panel[data-panel='points-stars']");
        await Assertions.Expect(stars.Locator(".dash-chart canvas")).ToHaveCountAsync(1);
        await stars.Locator(".dash-toggle").ClickAsync();
        await Assertions.Expect(stars.Locator(".dash-table tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(stars.Locator(".dash-table tbody tr")).ToContainTextAsync("七里墩社区");
        await page.Context.CloseAsync();
    }
}
