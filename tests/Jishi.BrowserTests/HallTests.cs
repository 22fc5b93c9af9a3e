using Jishi.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Jishi.BrowserTests;

/// <summary>The meeting on the hall's Wi-Fi: 会前检查 (a phone opens the test page, the laptop's screen says 手机已连通) and
/// the code sheet's loopback warning (the receipt page is with the ballot in <see cref="ReviewsLightPagesTests"/>).</summary>
[Collection(BrowserCollection.Name)]
public sealed class HallTests(JishiServer server)
{
    [Fact]
    public async Task HallCheck_PhoneOpensTestPage_ScreenSays手机已连通()
    {
        var screen = await server.LoginAsync(width: 1366, height: 768);
        await screen.GotoAsync("/reviews/1/check");
        var status = screen.Locator("#check-status");
        await Assertions.Expect(status).ToHaveTextAsync("等待手机扫码……");
        await Assertions.Expect(screen.Locator("[data-testid=check-qr] svg")).ToBeVisibleAsync();
        // The test server listens on loopback only: the screen says so in red and names the switch.
        await Assertions.Expect(screen.Locator("[data-testid=loopback-warning]")).ToContainTextAsync("Jishi:Lan=true");
        await JishiServer.ScreenshotAsync(screen, "hall-check-1366");
        var url = new Uri(await screen.Locator("[data-testid=check-url]").InnerTextAsync());

        var phone = await server.PhoneAsync();
        await phone.GotoAsync(url.PathAndQuery);
        await Assertions.Expect(phone.Locator("[data-testid=check-phone-done]")).ToHaveTextAsync("手机已连通");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= innerWidth"), "the test page is wider than the phone");
        await JishiServer.ScreenshotAsync(phone, "hall-check-phone-390");

        await Assertions.Expect(status).ToContainTextAsync("手机已连通");
        await Assertions.Expect(status).ToContainTextAsync("1 部手机");
        await Assertions.Expect(status).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("reached"));
        await JishiServer.ScreenshotAsync(screen, "hall-check-reached-1366");
        await screen.SetViewportSizeAsync(390, 844);
        await JishiServer.ScreenshotAsync(screen, "hall-check-390");
        await screen.Context.CloseAsync();
        await phone.SetViewportSizeAsync(1366, 768);
        await JishiServer.ScreenshotAsync(phone, "hall-check-phone-1366");
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task TokenSheet_ThroughLocalhost_RedWarningNamesTheSwitch()
    {
        var page = await server.LoginAsync(width: 1366, height: 768);
        await page.GotoAsync("/reviews/1/tokens");
        await page.SelectOptionAsync("select[name='Form.VoterGroupId']", new SelectOptionValue { Index = 1 });
        await page.FillAsync("input[name='Form.Count']", "3");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("[data-testid=token-card]")).ToHaveCountAsync(3);
        var warning = page.Locator("[data-testid=loopback-warning]");
        await Assertions.Expect(warning).ToContainTextAsync("手机打不开");
        await Assertions.Expect(warning).ToContainTextAsync("会场模式");
        Assert.Equal("rgb(168, 7, 26)", await warning.EvaluateAsync<string>("e => getComputedStyle(e).color"));
        Assert.True(await page.Locator(".card .hint").First.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)") >= 16);
        await Assertions.Expect(page.Locator(".card .short-url").First).ToContainTextAsync("/b/");
        await JishiServer.ScreenshotAsync(page, "hall-token-sheet-1366");
        await page.SetViewportSizeAsync(390, 844);
        await JishiServer.ScreenshotAsync(page, "hall-token-sheet-390");
        await page.Context.CloseAsync();
    }
}
