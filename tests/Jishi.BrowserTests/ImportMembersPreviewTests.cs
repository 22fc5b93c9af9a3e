using System.Globalization;
using System.Text.Json;
using Jishi.BrowserTests.Infrastructure;
using Jishi.Web.Features.Members;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace Jishi.BrowserTests;

/// <summary>导入党员 in two steps: a roster in the national layout (no 分层类别, a 序号 column, 籍贯 which Jishi has no field
/// for) is previewed with its derived tiers and nothing written, then 确认导入 imports it; at a desk and on a phone.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Excel")]
public sealed class ImportMembersPreviewTests(JishiServer server)
{
    private static readonly string[] NationalHeaders =
    [
        "序号", "姓名", "公民身份号码", "性别", "出生日期", "民族", "籍贯", "学历", "人员类别", "加入党组织日期", "转为正式党员日期",
        "所在党支部", "工作岗位", "是否为流动党员", "外出流向", "手机号", "党籍状态", "是否为失联党员",
    ];

    [Fact]
    public async Task ImportMembers_NationalLayoutAtDesk_PreviewShowsDerivedTiersWritesNothingThenConfirmImports()
    {
        var page = await server.LoginAsync(width: 1366, height: 768);
        var file = NationalRoster("预览甲", new DateOnly(1971, 3, 1));
        await page.GotoAsync("/members/import");
        await ReadyAsync(page);

        await page.SetInputFilesAsync("#import-file", file);

        await ExpectPreviewAsync(page);
        Assert.Equal(0, await CountAsync(page, "预览甲"));
        await JishiServer.ScreenshotAsync(page, "14-import-preview-desktop");

        await page.ClickAsync("#import-confirm");

        await Assertions.Expect(page.Locator("#member-import-result .form-success")).ToContainTextAsync("成功导入 4 名党员");
        await Assertions.Expect(page.Locator("#member-import-result .import-derived")).ToContainTextAsync("其中 4 人");
        Assert.Equal(4, await CountAsync(page, "预览甲"));
        await JishiServer.ScreenshotAsync(page, "14-import-done-desktop");

        // The same file again: its ID numbers are in the roster now, so it is refused whole and the admin, who sees those
        // members, is offered a transfer instead.
        await page.ClickAsync("#import-again");
        await page.SetInputFilesAsync("#import-file", file);
        var errors = page.Locator("#member-import-result table.import-errors");
        await Assertions.Expect(errors.Locator("tbody tr")).ToHaveCountAsync(4);
        await Assertions.Expect(errors.Locator(".import-transfer").First).ToContainTextAsync("预览甲1");
        await Assertions.Expect(page.Locator("#import-confirm")).ToBeDisabledAsync();
        Assert.Equal(4, await CountAsync(page, "预览甲"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ImportMembers_NationalLayoutOnPhone_PreviewAndResultFitTheWidth()
    {
        var page = await server.LoginAsync(width: 390, height: 844);
        var file = NationalRoster("预览乙", new DateOnly(1972, 4, 1));
        await page.GotoAsync("/members/import");
        await ReadyAsync(page);

        await page.SetInputFilesAsync("#import-file", file);

        await ExpectPreviewAsync(page);
        Assert.Equal(0, await CountAsync(page, "预览乙"));
        Assert.True(await FitsAsync(page), "the page is wider than the phone");
        await JishiServer.ScreenshotAsync(page, "14-import-preview-phone");

        await page.ClickAsync("#import-confirm");

        await Assertions.Expect(page.Locator("#member-import-result .form-success")).ToContainTextAsync("成功导入 4 名党员");
        Assert.Equal(4, await CountAsync(page, "预览乙"));
        Assert.True(await FitsAsync(page), "the page is wider than the phone");
        await JishiServer.ScreenshotAsync(page, "14-import-done-phone");
        await page.Context.CloseAsync();
    }

    /// <summary>Waits for the import screen to take a file (its circuit attached) and picks the demo's first 第一党支部.</summary>
    internal static async Task ReadyAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("h1.page-title")).ToHaveTextAsync("导入党员");
        await Assertions.Expect(page.Locator("#import-file")).ToBeEnabledAsync();
        await page.SelectOptionAsync("#import-unit", new SelectOptionValue { Label = "　　第一党支部" });
    }

    /// <summary>An .xlsx upload of <paramref name="content"/>.</summary>
    internal static FilePayload Workbook(string name, byte[] content) => new()
    {
        Name = name,
        MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Buffer = content,
    };

    /// <summary>The preview of <see cref="NationalRoster"/>: four rows, every tier derived and counted, the kept and the
    /// ignored column named.</summary>
    private static async Task ExpectPreviewAsync(IPage page)
    {
        var summary = page.Locator("#import-summary");
        await Assertions.Expect(summary).ToContainTextAsync("共 4 名党员可以导入");
        await Assertions.Expect(summary.Locator(".import-tier")).ToHaveTextAsync(["在职 2 人", "流动 1 人", "离退休 1 人"]);
        await Assertions.Expect(summary.Locator(".import-kept")).ToContainTextAsync("籍贯");
        await Assertions.Expect(summary.Locator(".import-ignored")).ToContainTextAsync("序号");
        var rows = page.Locator(".import-preview-table tr.ant-table-row");
        await Assertions.Expect(rows).ToHaveCountAsync(4);
        await Assertions.Expect(rows.Locator(".tier-derived")).ToHaveCountAsync(4);
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("流动");
        await Assertions.Expect(rows.Nth(2)).ToContainTextAsync("离退休");
        // ID numbers masked as the roster's list masks them.
        await Assertions.Expect(rows.First).ToContainTextAsync("620102********");
        await Assertions.Expect(page.Locator("#import-confirm")).ToBeEnabledAsync();
    }

    /// <summary>True when nothing makes the page scroll sideways (a wide table scrolls inside its own box).</summary>
    private static Task<bool> FitsAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    /// <summary>How many members of the roster have a name containing <paramref name="name"/>, through the API.</summary>
    private static async Task<int> CountAsync(IPage page, string name)
    {
        var response = await page.Context.APIRequest.GetAsync("/api/members?q=" + Uri.EscapeDataString(name));
        Assert.True(response.Ok, "members " + response.Status);
        using var json = JsonDocument.Parse(await response.TextAsync());
        return json.RootElement.GetProperty("total").GetInt32();
    }

    /// <summary>Four members as the national system exports them, in the demo's 第一党支部: the second floats, the third is
    /// retired, the others work; none has a tier.</summary>
    private static FilePayload NationalRoster(string namePrefix, DateOnly firstBirth)
    {
        var rows = Enumerable.Range(1, 4).Select(i =>
        {
            var birth = firstBirth.AddDays(i);
            var body = "620102" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "9" + i.ToString("00", CultureInfo.InvariantCulture);
            var joined = birth.AddYears(25);
            object?[] values =
            [
                i, namePrefix + i, body + MemberRules.CheckCharacter(body), i % 2 == 0 ? "女" : "男",
                birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "汉族", "甘肃兰州", "大学本科", "正式党员",
                joined.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), joined.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "第一党支部", i == 3 ? "离退休人员" : "专业技术人员", i == 2 ? "是" : "否", i == 2 ? "广东省深圳市" : null,
                "1370931000" + i, "正常", "否",
            ];
            return NationalHeaders.Zip(values).ToDictionary(p => p.First, p => p.Second);
        }).ToList();
        using var workbook = new MemoryStream();
        MiniExcel.SaveAs(workbook, rows);
        return Workbook("全国党员信息.xlsx", workbook.ToArray());
    }
}
