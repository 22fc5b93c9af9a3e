using System.Text.RegularExpressions;
using Jishi.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Jishi.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed partial class BulkAccountsTests(JishiServer server)
{
    /// <summary>Opens member accounts for <paramref name="branch"/> of sq08's community on /accounts/bulk and waits for the
    /// 登录卡 sheet; gives the number the confirmation announced.</summary>
    private static async Task<int> OpenForBranchAsync(IPage page, string branch)
    {
        await page.GotoAsync("/accounts/bulk");
        await JishiServer.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("h1.page-title")).ToHaveTextAsync("批量开通账号");
        await JishiServer.PickUnitAsync(page, "#bulk-unit", branch);
        await page.ClickAsync("#bulk-ask");
        var confirm = page.Locator("#bulk-confirm-text");
        await Assertions.Expect(confirm).ToContainTextAsync($"将在「{branch}」开通");
        var count = int.Parse(Count().Match(await confirm.InnerTextAsync()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await page.ClickAsync(".ant-modal-body .modal-ok");
        await Assertions.Expect(page.Locator("[data-testid=login-card]")).ToHaveCountAsync(count);
        return count;
    }

    [Fact]
    public async Task BulkAccounts_Branch_ConfirmsCountPrintsLoginCardsOnceTenToAPage()
    {
        var page = await server.LoginAsync("sq08", width: 1366, height: 768);
        await page.GotoAsync("/accounts/bulk");
        await JishiServer.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator(".app-sider a[href='/accounts/bulk']")).ToBeVisibleAsync();

        var count = await OpenForBranchAsync(page, "离退休党支部");

        Assert.InRange(count, 1, 40);
        await Assertions.Expect(page.Locator(".login-cards-once")).ToContainTextAsync("初始密码只显示这一次");
        await Assertions.Expect(page.Locator("[data-testid=loopback-warning]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#login-cards-print[data-print]")).ToBeVisibleAsync();
        var first = page.Locator("[data-testid=login-card]").First;
        await Assertions.Expect(first).ToContainTextAsync("登录卡");
        await Assertions.Expect(first.Locator(".login-card-qr svg")).ToBeVisibleAsync();
        await Assertions.Expect(first.Locator(".login-card-url")).ToHaveTextAsync(new Regex(@"^(localhost|127\.0\.0\.1):\d+$"));
        await Assertions.Expect(first.Locator(".login-card-password")).ToHaveTextAsync(new Regex("^[a-km-zA-HJ-NP-Z2-9]{12}$"));
        await JishiServer.ScreenshotAsync(page, "login-cards-1366");
        var pages = await PdfPrint.AssertPdfAsync(page, "login-cards-a4");
        Assert.Equal((count + 9) / 10, pages);

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        await page.ClickAsync("#login-cards-done");
        await Assertions.Expect(page.Locator("[data-testid=login-card]")).ToHaveCountAsync(0);
        await page.ClickAsync("#bulk-ask");
        await Assertions.Expect(page.Locator("#bulk-confirm-text")).ToContainTextAsync("没有需要开通的账号");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task BulkAccounts_Phone_LoginCardsReadableAndFirstSignInGoesToPasswordChange()
    {
        var page = await server.LoginAsync("sq08", width: 390, height: 844);

        await OpenForBranchAsync(page, "第二党支部");

        await JishiServer.ScreenshotAsync(page, "login-cards-390");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(JishiServer.ScreenshotFolder, "login-cards-390-screen.png") });
        var card = page.Locator("[data-testid=login-card]").First;
        var userName = await card.Locator(".login-card-value").First.InnerTextAsync();
        var password = await card.Locator(".login-card-password").InnerTextAsync();
        var box = await card.BoundingBoxAsync();
        Assert.True(box!.X >= 0 && box.X + box.Width <= 390, $"card spans {box.X}..{box.X + box.Width}");
        await page.Context.CloseAsync();

        var phone = await server.PhoneAsync();
        // Even a link to a member's own phone page leads to the password change first.
        await phone.GotoAsync("/login?returnUrl=%2Fwish%2Fmine");
        await JishiServer.SubmitLoginAsync(phone, userName, password);
        await Assertions.Expect(phone).ToHaveURLAsync(new Regex("/account/change-password$"));
        await Assertions.Expect(phone.Locator("h1.login-title")).ToHaveTextAsync("修改密码");
        await JishiServer.ScreenshotAsync(phone, "login-cards-first-sign-in-390");
        await phone.Context.CloseAsync();
    }

    [GeneratedRegex(@"开通 (\d+) 个账号")]
    private static partial Regex Count();
}
