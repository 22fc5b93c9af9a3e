using Jishi.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Jishi.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class LoginTests(JishiServer server)
{
    [Fact]
    public async Task Login_Admin_ShowsLayoutWithMenuUserAndUnitThenLogsOut()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/login");
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        await JishiServer.ScreenshotAsync(page, "01-login");
        await page.Context.CloseAsync();

        page = await server.LoginAsync();
        var sider = page.Locator(".app-sider");
        await Assertions.Expect(sider).ToContainTextAsync("组织管理");
        await Assertions.Expect(sider).ToContainTextAsync("组织架构");
        await Assertions.Expect(sider).ToContainTextAsync("党员名册");
        await Assertions.Expect(sider).ToContainTextAsync("账号管理");
        await Assertions.Expect(sider).ToContainTextAsync("审计日志");
        await Assertions.Expect(page.Locator(".app-header")).ToContainTextAsync("系统管理员");
        await Assertions.Expect(page.Locator(".app-header")).ToContainTextAsync("七里墩街道党工委");
        await Assertions.Expect(page.Locator(".app-breadcrumb")).ToContainTextAsync("首页");
        await JishiServer.ScreenshotAsync(page, "02-layout");

        await page.ClickAsync(".app-logout button");
        await Assertions.Expect(page.Locator("input[name='Input.UserName']")).ToBeVisibleAsync();
        await page.GotoAsync("/members");
        Assert.Contains("/login?returnUrl=%2Fmembers", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Login_WrongPasswordFiveTimes_ShowsLockedOutMessage()
    {
        var page = await server.NewPageAsync();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await page.GotoAsync("/login");
            await JishiServer.SubmitLoginAsync(page, "sq09", "wrong-password-" + attempt);
            var expected = attempt < 5 ? "用户名或密码错误" : "账号已锁定 15 分钟";
            await Assertions.Expect(page.Locator(".form-error")).ToContainTextAsync(expected);
        }
        // Even the right password is refused while the lockout lasts.
        await JishiServer.SubmitLoginAsync(page, "sq09", JishiServer.DemoPassword);
        await Assertions.Expect(page.Locator(".form-error")).ToContainTextAsync("账号已锁定 15 分钟");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AdminPage_NotSignedIn_RedirectsToLoginWithReturnUrl()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/units");
        Assert.Contains("/login?returnUrl=%2Funits", page.Url, StringComparison.Ordinal);
        await JishiServer.SubmitLoginAsync(page, "admin", JishiServer.AdminPassword);
        await Assertions.Expect(page.Locator("h1.page-title")).ToHaveTextAsync("组织架构");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Layout_SwitchToEnglish_ShowsEnglishScreens()
    {
        var page = await server.LoginAsync();
        await page.ClickAsync(".app-lang a:text-is('English')");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await JishiServer.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator(".app-sider")).ToContainTextAsync("Organization tree");
        await Assertions.Expect(page.Locator(".app-sider")).ToContainTextAsync("Party members");
        await Assertions.Expect(page.Locator(".app-header")).ToContainTextAsync("Sign out");

        // The interactive page that follows keeps the culture of the cookie.
        await page.ClickAsync(".app-sider a[href='/members']");
        await Assertions.Expect(page.Locator("h1.page-title")).ToHaveTextAsync("Party members");
        await Assertions.Expect(page.Locator(".search-form")).ToContainTextAsync("Keyword");
        await JishiServer.ScreenshotAsync(page, "08-english-roster");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Layout_PhoneViewport_MenuOpensInDrawer()
    {
        var page = await server.LoginAsync(width: 390, height: 844);
        await Assertions.Expect(page.Locator(".app-sider")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".app-hamburger")).ToBeVisibleAsync();
        await JishiServer.ScreenshotAsync(page, "09-phone-layout");

        await page.ClickAsync(".app-hamburger");
        var drawer = page.Locator(".ant-drawer-open");
        await Assertions.Expect(drawer).ToContainTextAsync("组织架构");
        await JishiServer.ScreenshotAsync(page, "10-phone-drawer");
        await drawer.Locator("a[href='/members']").ClickAsync();
        await Assertions.Expect(page.Locator("h1.page-title")).ToHaveTextAsync("党员名册");
        await JishiServer.ScreenshotAsync(page, "11-phone-roster");
        await page.Context.CloseAsync();
    }
}
