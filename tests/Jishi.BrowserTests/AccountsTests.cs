using Jishi.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Jishi.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AccountsTests(JishiServer server)
{
    [Fact]
    public async Task NewAccount_FirstLogin_MustChangePasswordBeforeAnyAdminPage()
    {
        var admin = await server.LoginAsync();
        await admin.ClickAsync(".app-sider a[href='/accounts']");
        await Assertions.Expect(admin.Locator("h1.page-title")).ToHaveTextAsync("账号管理");
        // Newest first (other tests open accounts in bulk): the demo's own are further back, the new one comes first.
        await Assertions.Expect(admin.Locator(".ant-table-tbody tr.ant-table-row").First).ToBeVisibleAsync();
        await admin.ClickAsync("#account-add");
        await JishiServer.FillDialogInputAsync(admin, "#account-username", "zbnew");
        await admin.FillAsync("#account-displayname", "测试支书");
        await JishiServer.PickUnitAsync(admin, ".ant-modal-body .ant-select >> nth=1", "七里墩街道党工委");
        await JishiServer.FillDialogInputAsync(admin, "#account-password", "Initial-2016a");
        await JishiServer.ScreenshotAsync(admin, "14-account-new");
        await admin.ClickAsync(".ant-modal-body .modal-ok");
        await Assertions.Expect(admin.Locator(".ant-table-tbody")).ToContainTextAsync("zbnew");
        await Assertions.Expect(admin.Locator(".ant-table-tbody tr:has-text('zbnew')")).ToContainTextAsync("待改密码");
        await JishiServer.ScreenshotAsync(admin, "15-accounts");
        await admin.Context.CloseAsync();

        var page = await server.NewPageAsync();
        await page.GotoAsync("/login");
        await JishiServer.SubmitLoginAsync(page, "zbnew", "Initial-2016a");
        await Assertions.Expect(page.Locator("h1.login-title")).ToHaveTextAsync("修改密码");
        await page.GotoAsync("/members");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/change-password$"));

        var inputs = page.Locator(".plain-form input[type=password]");
        await inputs.Nth(0).FillAsync("Initial-2016a");
        await inputs.Nth(1).FillAsync("short");
        await inputs.Nth(2).FillAsync("short");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator(".form-error").First).ToContainTextAsync("密码");

        await inputs.Nth(0).FillAsync("Initial-2016a");
        await inputs.Nth(1).FillAsync("Changed-2016b");
        await inputs.Nth(2).FillAsync("Changed-2016b");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator(".app-header")).ToContainTextAsync("测试支书");
        await page.GotoAsync("/members");
        await Assertions.Expect(page.Locator("h1.page-title")).ToHaveTextAsync("党员名册");
        await page.Context.CloseAsync();
    }
}
