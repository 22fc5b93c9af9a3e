using Jishi.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Jishi.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class LoginTests(JishiServer server)
{
    [Fact]
    public async Task Login_Admin_ShowsLayoutWithMenuUserAndUnit()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/login");
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        await JishiServer.ScreenshotAsync(page, "01-login");
        await page.Context.CloseAsync();

        page = await server.LoginAsync();
        await Assertions.Expect(page.Locator(".app-sider")).ToContainTextAsync("组织架构");
        await Assertions.Expect(page.Locator(".app-sider")).ToContainTextAsync("党员名册");
        await Assertions.Expect(page.Locator(".app-sider")).ToContainTextAsync("审计日志");
        await Assertions.Expect(page.Locator(".app-header")).ToContainTextAsync("系统管理员");
        await Assertions.Expect(page.Locator(".app-header")).ToContainTextAsync("七里墩街道党工委");
        await Assertions.Expect(page.Locator(".app-breadcrumb")).ToContainTextAsync("首页");
        await JishiServer.ScreenshotAsync(page, "02-layout");
        await page.Context.CloseAsync();
    }
}
