using Jishi.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Jishi.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class MaintenanceTests(JishiServer server)
{
    [Fact]
    public async Task BackupNow_Confirmed_NewBackupListedWithDownload()
    {
        var admin = await server.LoginAsync(width: 1366, height: 768);
        await Assertions.Expect(admin.Locator(".app-sider a[href='/maintenance']")).ToHaveCountAsync(1);
        await admin.GotoAsync("/maintenance");
        await JishiServer.WaitForCircuitAsync(admin);
        await Assertions.Expect(admin.Locator("h1.page-title")).ToHaveTextAsync("系统维护");
        var rows = admin.Locator(".backup-table tr.ant-table-row");
        await Assertions.Expect(rows).ToHaveCountAsync(0);

        await admin.ClickAsync("#backup-now");
        await admin.ClickAsync(".ant-popover .ant-btn-primary");

        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("jishi-");
        await Assertions.Expect(admin.Locator("#backup-last")).ToContainTextAsync("成功");
        var name = await rows.First.Locator("td").First.InnerTextAsync();
        Assert.True(File.Exists(Path.Combine(server.BackupFolder, name.Trim())), name);
        await Assertions.Expect(rows.First.Locator("a[download]")).ToHaveAttributeAsync("href", "/api/maintenance/backups/" + name.Trim());
        Directory.CreateDirectory("/tmp/shots");
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/shots/maintenance-1366.png" });
        await admin.Context.CloseAsync();
    }
}
