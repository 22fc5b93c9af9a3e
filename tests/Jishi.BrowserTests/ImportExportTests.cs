using Jishi.BrowserTests.Infrastructure;
using Jishi.Web.Features.Members;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace Jishi.BrowserTests;

/// <summary>The roster's Excel round trip through the screens, against the contract of GET /api/members/template,
/// POST /api/members/import and GET /api/members/export.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Excel")]
public sealed class ImportExportTests(JishiServer server)
{
    [Fact]
    public async Task Import_FileWithBadRow_ListsRowColumnAndMessageAndImportsNothing()
    {
        var page = await server.LoginAsync();
        var file = await WorkbookAsync(page, [Row("导入甲", IdNumber(1)), Row("导入乙", "620102198001011234")]);
        await OpenImportAsync(page);
        await page.SetInputFilesAsync("#import-file", file);
        var errors = page.Locator("#member-import-result table.import-errors");
        await Assertions.Expect(errors).ToContainTextAsync("公民身份号码");
        await Assertions.Expect(errors.Locator("tbody tr").First).ToContainTextAsync("3");
        await Assertions.Expect(page.Locator("#member-import-result .form-error")).ToContainTextAsync("没有导入任何数据");
        await Assertions.Expect(page.Locator("#import-confirm")).ToBeDisabledAsync();
        await JishiServer.ScreenshotAsync(page, "12-import-errors");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Import_GoodFile_SaysHowManyWereImported()
    {
        var page = await server.LoginAsync();
        var file = await WorkbookAsync(page, [Row("导入丙", IdNumber(2)), Row("导入丁", IdNumber(3))]);
        await OpenImportAsync(page);
        await page.SetInputFilesAsync("#import-file", file);
        await Assertions.Expect(page.Locator("#import-summary")).ToContainTextAsync("共 2 名党员可以导入");
        await page.ClickAsync("#import-confirm");
        await Assertions.Expect(page.Locator("#member-import-result .form-success")).ToContainTextAsync("成功导入 2 名党员");
        await JishiServer.ScreenshotAsync(page, "13-import-done");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Export_FromRoster_DownloadsWorkbook()
    {
        var page = await server.LoginAsync();
        await page.ClickAsync(".app-sider a[href='/members']");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#member-export"));
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.True(bytes.Length > 100);
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
        await page.Context.CloseAsync();
    }

    private static async Task OpenImportAsync(IPage page)
    {
        await page.ClickAsync(".app-sider a[href='/members']");
        await page.ClickAsync("#member-import");
        await ImportMembersPreviewTests.ReadyAsync(page);
    }

    private static Dictionary<string, object?> Row(string name, string idNumber) => new()
    {
        ["姓名"] = name, ["性别"] = "男", ["民族"] = "汉族", ["公民身份号码"] = idNumber, ["出生日期"] = "1980-01-01", ["所在党支部"] = "第一党支部",
        ["学历"] = "大学本科", ["人员类别"] = "正式党员", ["加入党组织日期"] = "2005-07-01", ["转为正式党员日期"] = "2006-07-01",
        ["联系电话"] = "13800000000", ["党籍状态"] = "正常", ["是否为失联党员"] = "否", ["是否为流动党员"] = "否", ["分层类别"] = "在职",
    };

    private static string IdNumber(int n)
    {
        var first17 = "620102198001010" + (40 + n).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return first17 + MemberRules.CheckCharacter(first17);
    }

    /// <summary>The rows in the product's own template: its header row decides the columns and their order.</summary>
    private static async Task<FilePayload> WorkbookAsync(IPage page, IReadOnlyList<Dictionary<string, object?>> rows)
    {
        var template = await page.Context.APIRequest.GetAsync("/api/members/template");
        Assert.True(template.Ok, "template " + template.Status);
        using var stream = new MemoryStream(await template.BodyAsync());
        var headers = (await MiniExcel.QueryAsync(stream, useHeaderRow: false)).Cast<IDictionary<string, object?>>().First()
            .Values.Select(v => v?.ToString()).Where(v => !string.IsNullOrEmpty(v)).Cast<string>().ToList();
        var sheet = rows.Select(r => headers.ToDictionary(h => h, h => r.GetValueOrDefault(h))).ToList();
        // In memory, not a temporary file: nothing is left behind in /tmp run after run.
        using var workbook = new MemoryStream();
        await MiniExcel.SaveAsAsync(workbook, sheet);
        return ImportMembersPreviewTests.Workbook("党员名册.xlsx", workbook.ToArray());
    }
}
