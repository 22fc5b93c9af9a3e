using Jishi.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Jishi.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SessionTests(JishiServer server)
{
    [Fact]
    public async Task SignOut_InOneTab_OtherTabSaysSessionEndedAndCannotSearchRoster()
    {
        var tabA = await server.LoginAsync("sq04");
        var tabB = await tabA.Context.NewPageAsync();
        await tabB.GotoAsync("/members");
        await JishiServer.WaitForCircuitAsync(tabB);
        await Assertions.Expect(tabB.Locator(".ant-table-tbody tr.ant-table-row").First).ToBeVisibleAsync();

        await tabA.ClickAsync(".app-logout button");
        await Assertions.Expect(tabA.Locator("input[name='Input.UserName']")).ToBeVisibleAsync();

        // On its next check (every second in the tests) tab B's circuit loses the sign-in: the roster and its search go.
        await Assertions.Expect(tabB.Locator(".session-ended")).ToContainTextAsync("登录已失效，请重新登录");
        await Assertions.Expect(tabB.Locator("#search-q")).ToHaveCountAsync(0);
        await Assertions.Expect(tabB.Locator(".ant-table-tbody tr.ant-table-row")).ToHaveCountAsync(0);
        await Assertions.Expect(tabB.Locator(".app-logout")).ToHaveCountAsync(0);
        await JishiServer.ScreenshotAsync(tabB, "session-ended");

        // 重新登录 loads the page again, which leads to the login page saying the session ended.
        await tabB.ClickAsync(".session-ended a");
        await Assertions.Expect(tabB.Locator("input[name='Input.UserName']")).ToBeVisibleAsync();
        await Assertions.Expect(tabB.Locator(".login-box .session-ended")).ToHaveTextAsync("登录已失效，请重新登录");
        Assert.Contains("returnUrl=%2Fmembers", tabB.Url, StringComparison.Ordinal);
        await tabA.Context.CloseAsync();
    }
}
