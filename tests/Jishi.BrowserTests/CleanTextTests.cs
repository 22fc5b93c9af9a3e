using System.Text;
using Jishi.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Jishi.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class CleanTextTests(JishiServer server)
{
    private const string Glossed = "社區(qū)黨組織書記抓黨建工作述職評(píng)議大會";
    private const string Simplified = "社区党组织书记抓党建工作述职评议大会";

    [Fact]
    public async Task WorkReport_PastedGlossedTraditional_CleanedSideBySideAcceptedAndSaved()
    {
        var page = await OpenReportAsync("sq07");

        await page.FillAsync(".report-achievements", Glossed);
        await page.Locator(".report-achievements + .text-tools .clean-text-button").ClickAsync();
        var dialog = page.Locator(".clean-text-modal");
        await Assertions.Expect(dialog.Locator(".text-compare-original .text-compare-body")).ToHaveTextAsync(Glossed);
        await Assertions.Expect(dialog.Locator(".text-compare-cleaned .text-compare-body")).ToHaveTextAsync(Simplified);
        await Assertions.Expect(dialog.Locator(".text-compare-original del").First).ToHaveTextAsync("區(qū)黨組織書記");
        await JishiServer.WaitForAnimationsAsync(page); // the dialog's zoom-in, for a screenshot worth looking at
        await JishiServer.ScreenshotAsync(page, "90-clean-text-side-by-side");

        // 取消 leaves the field alone; 采用 replaces it.
        await dialog.Locator(".modal-cancel").ClickAsync();
        await Assertions.Expect(page.Locator(".report-achievements")).ToHaveValueAsync(Glossed);
        await Assertions.Expect(dialog.Locator(".modal-ok")).ToHaveCountAsync(0);
        await JishiServer.WaitForAnimationsAsync(page); // the dialog's closing animation, before it is opened again
        await page.Locator(".report-achievements + .text-tools .clean-text-button").ClickAsync();
        await dialog.Locator(".modal-ok").ClickAsync();
        await Assertions.Expect(page.Locator(".report-achievements")).ToHaveValueAsync(Simplified);

        await page.ClickAsync("#report-save");
        await Assertions.Expect(page.Locator(".ant-message")).ToContainTextAsync("已保存");
        await page.ReloadAsync();
        await JishiServer.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator(".report-achievements")).ToHaveValueAsync(Simplified);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WorkReport_ImportedGb18030Text_ShownCleanedThenFillsSections()
    {
        var page = await OpenReportAsync("sq08");
        var report = $"一、主要成績\r\n{Glossed}\r\n二、存在的問題\r\n1. 臺賬不規範\r\n2. 宣傳報道偏少\r\n三、下一步打算\r\n加強學習 , 落實整改";

        await page.Locator(".import-report-file").SetInputFilesAsync(new FilePayload
        {
            Name = "述职报告.txt",
            MimeType = "text/plain",
            Buffer = CodePagesEncodingProvider.Instance.GetEncoding(54936)!.GetBytes(report),
        });
        var dialog = page.Locator(".import-report-modal");
        await Assertions.Expect(dialog.Locator(".text-compare-cleaned .text-compare-body")).ToContainTextAsync(Simplified);
        await Assertions.Expect(dialog.Locator(".import-report-sections")).ToContainTextAsync("存在问题 2 条");
        await JishiServer.WaitForAnimationsAsync(page); // the dialog's zoom-in, for a screenshot worth looking at
        await JishiServer.ScreenshotAsync(page, "91-import-report");
        await dialog.Locator(".modal-ok").ClickAsync();

        await Assertions.Expect(page.Locator(".report-achievements")).ToHaveValueAsync(Simplified);
        await Assertions.Expect(page.Locator(".report-problem")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".report-problem").Nth(1)).ToHaveValueAsync("宣传报道偏少");
        await Assertions.Expect(page.Locator(".report-next")).ToHaveValueAsync("加强学习，落实整改");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ReviewComment_PastedGlossedTraditional_CleanedInTheField()
    {
        var admin = await server.LoginAsync();
        await admin.GotoAsync("/reviews/1");
        await JishiServer.WaitForCircuitAsync(admin);
        var row = admin.Locator("tr.subject-row").Nth(8);

        await row.Locator(".subject-comment").FillAsync(Glossed);
        await row.Locator(".clean-text-button").ClickAsync();
        await admin.Locator(".clean-text-modal .modal-ok").ClickAsync();

        await Assertions.Expect(row.Locator(".subject-comment")).ToHaveValueAsync(Simplified);
        await JishiServer.ScreenshotAsync(admin, "92-review-comment-cleaned");
        await admin.Context.CloseAsync();
    }

    private async Task<IPage> OpenReportAsync(string secretary)
    {
        var page = await server.LoginAsync(secretary);
        await page.ClickAsync(".app-sider a[href='/my/reports']");
        // The demo's 2016 campaign is the first one; other tests add copies of it.
        await page.Locator("tr.my-report-row a.my-report-open[href^='/my/reports/1/']").ClickAsync();
        await Assertions.Expect(page.Locator("h1.page-title")).ToHaveTextAsync("述职报告");
        return page;
    }
}
