using Jishi.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Jishi.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class UnitsTests(JishiServer server)
{
    private static ILocator Node(IPage page, string name) =>
        page.Locator($".org-node[data-name='{name}']");

    [Fact]
    public async Task Units_WalkTreeCreateRenameAndDeleteWithMembers_ShowsChineseMessages()
    {
        var page = await server.LoginAsync();
        await page.ClickAsync(".app-sider a[href='/units']");
        await Assertions.Expect(page.Locator("h1.page-title")).ToHaveTextAsync("组织架构");

        // The street is open, its communities listed; open one and select a branch of it.
        await Assertions.Expect(Node(page, "东岗社区党委")).ToBeVisibleAsync();
        await Node(page, "东岗社区党委").Locator(".org-switch").ClickAsync();
        await Node(page, "离退休党支部").First.Locator(".org-title").ClickAsync();
        await Assertions.Expect(page.Locator(".units-detail")).ToContainTextAsync("党支部");
        await Assertions.Expect(page.Locator(".units-detail h2")).ToHaveTextAsync("离退休党支部");

        // A community gets a new branch (the kind follows the parent), which is then renamed.
        await Node(page, "东岗社区党委").Locator(".org-title").ClickAsync();
        await page.ClickAsync(".units-detail button:has-text('新建下级党支部')");
        await JishiServer.FillDialogInputAsync(page, "#unit-name", "浏览器测试党支部");
        await page.ClickAsync(".modal-ok");
        await Assertions.Expect(Node(page, "浏览器测试党支部")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".units-detail h2")).ToHaveTextAsync("浏览器测试党支部");

        await page.ClickAsync(".units-detail button:has-text('重命名')");
        await Assertions.Expect(page.Locator("#unit-name")).ToHaveValueAsync("浏览器测试党支部");
        await JishiServer.FillDialogInputAsync(page, "#unit-name", "浏览器测试党支部（改）");
        await page.ClickAsync(".modal-ok");
        await Assertions.Expect(Node(page, "浏览器测试党支部（改）")).ToBeVisibleAsync();
        await page.Locator(".ant-modal").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await JishiServer.ScreenshotAsync(page, "03-units-tree");

        // A community with members cannot be deleted; the reason is said in Chinese beside it.
        await Node(page, "西站社区党总支").Locator(".org-title").ClickAsync();
        await page.ClickAsync(".units-detail button:has-text('删除')");
        await page.ClickAsync(".modal-ok");
        var alert = page.Locator(".units-detail .ant-alert");
        await Assertions.Expect(alert).ToContainTextAsync("「西站社区党总支」及其下级组织还有");
        await Assertions.Expect(alert).ToContainTextAsync("名党员，不能删除");
        await Assertions.Expect(Node(page, "西站社区党总支")).ToBeVisibleAsync();
        await page.Locator(".ant-modal").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await JishiServer.ScreenshotAsync(page, "04-units-delete-refused");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Audit_AfterChanges_ListsEntriesWithBeforeAndAfter()
    {
        var page = await server.LoginAsync();
        await page.ClickAsync(".app-sider a[href='/audit']");
        await Assertions.Expect(page.Locator("h1.page-title")).ToHaveTextAsync("审计日志");
        var rows = page.Locator(".audit-table tbody tr.ant-table-row");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".pager")).ToContainTextAsync("共");
        await Assertions.Expect(page.Locator(".audit-table pre.json").First).ToContainTextAsync("{");
        await JishiServer.ScreenshotAsync(page, "07-audit");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#audit-export"));
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        await page.Context.CloseAsync();
    }
}
