using System.Text.RegularExpressions;
using Jishi.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Jishi.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class WorkReportTests(JishiServer server)
{
    [Fact]
    public async Task WorkReport_SecretaryWritesAndSubmits_StreetMakesTaskAndSecretaryUploadsEvidence()
    {
        var problem = "党员教育管理方式单一 " + Guid.NewGuid().ToString("N")[..4];
        var secretary = await server.LoginAsync("sq01");
        await secretary.ClickAsync(".app-sider a[href='/my/reports']");
        await Assertions.Expect(secretary.Locator("h1.page-title")).ToHaveTextAsync("我的述职报告");
        var row = secretary.Locator("tr.my-report-row", new() { HasText = "2016" });
        await row.Locator(".my-report-open").ClickAsync();
        await Assertions.Expect(secretary.Locator("h1.page-title")).ToHaveTextAsync("述职报告");
        await Assertions.Expect(secretary.Locator(".report-status")).ToHaveTextAsync("未填写");
        await Assertions.Expect(secretary.Locator(".app-breadcrumb")).ToContainTextAsync("我的述职报告");

        // Last year's 整改 of the community, the overdue one marked.
        await Assertions.Expect(secretary.Locator("tr.last-year-task")).ToHaveCountAsync(2);
        await Assertions.Expect(secretary.Locator("tr.last-year-task.overdue-row")).ToContainTextAsync("已逾期");

        // An incomplete report is refused at its fields; the draft is kept.
        await secretary.FillAsync(".report-achievements", "一是推行党员积分制管理，评出星级党员 46 名。\n二是组建志愿服务队 5 支，服务群众 3000 余人次。");
        await secretary.ClickAsync("#report-submit");
        await secretary.ClickAsync(".submit-modal .modal-ok");
        await Assertions.Expect(secretary.Locator(".error-text").First).ToContainTextAsync("请至少填写一条存在的问题和不足");

        await secretary.Locator(".report-problem").Nth(0).FillAsync(problem);
        await secretary.ClickAsync("#problem-add");
        await secretary.Locator(".report-problem").Nth(1).FillAsync("软弱涣散党组织整顿成效不明显");
        await secretary.ClickAsync("#problem-add");
        await secretary.Locator(".report-problem").Nth(2).FillAsync("这一条随后删除");
        await secretary.Locator(".problem-remove").Nth(2).ClickAsync();
        await Assertions.Expect(secretary.Locator(".report-problem")).ToHaveCountAsync(2);
        await secretary.FillAsync(".report-next", "一是丰富党员教育形式；二是对软弱涣散党支部限期整顿。");
        await secretary.ClickAsync("#report-save");
        await Assertions.Expect(secretary.Locator(".ant-message")).ToContainTextAsync("已保存");
        await Assertions.Expect(secretary.Locator(".report-status")).ToHaveTextAsync("草稿");
        await JishiServer.ScreenshotAsync(secretary, "40-work-report-edit");

        await secretary.ClickAsync("#report-submit");
        await secretary.ClickAsync(".submit-modal .modal-ok");
        await Assertions.Expect(secretary.Locator(".report-status")).ToHaveTextAsync("已提交");
        await Assertions.Expect(secretary.Locator(".report-problem-item")).ToHaveCountAsync(2);
        await Assertions.Expect(secretary.Locator("#report-save")).ToHaveCountAsync(0);
        var printUrl = await secretary.Locator("#report-print").GetAttributeAsync("href");

        // The printable report: title, unit, the three sections and last year's table.
        var print = await secretary.Context.NewPageAsync();
        await print.GotoAsync(printUrl!);
        await Assertions.Expect(print.Locator(".report-sheet h1")).ToHaveTextAsync("七里墩社区党委书记2016年度抓基层党建工作述职报告");
        await Assertions.Expect(print.Locator(".report-sheet .report-text").First.Locator("p")).ToHaveCountAsync(2);
        await Assertions.Expect(print.Locator(".report-sheet")).ToContainTextAsync("王建华");
        await Assertions.Expect(print.Locator(".report-sheet ol li")).ToHaveCountAsync(2);
        await Assertions.Expect(print.Locator(".report-sheet tr.overdue-row")).ToHaveCountAsync(1);
        await JishiServer.ScreenshotAsync(print, "41-work-report-print");

        // The street sees it submitted on the campaign page and turns the first problem into a 整改 task.
        var admin = await server.LoginAsync();
        await admin.GotoAsync("/reviews/1");
        await JishiServer.WaitForCircuitAsync(admin);
        var subject = admin.Locator("tr.subject-row", new() { HasText = "王建华" });
        await Assertions.Expect(subject.Locator(".report-status")).ToHaveTextAsync("已提交");
        await subject.Locator(".subject-report-open").ClickAsync();
        var item = admin.Locator(".report-problem-item", new() { HasText = problem });
        await item.Locator(".problem-to-task").ClickAsync();
        await Assertions.Expect(admin.Locator(".task-modal .task-problem-text")).ToHaveTextAsync(problem);
        await admin.ClickAsync(".task-modal .modal-ok");
        await Assertions.Expect(item.Locator(".problem-task")).ToHaveTextAsync("已转整改任务（未开始）");
        await JishiServer.ScreenshotAsync(admin, "42-work-report-street");
        await admin.Context.CloseAsync();

        // The secretary reports on it with a photo only and sends it for verification.
        await secretary.ClickAsync(".app-sider a[href='/rectifications']");
        var task = secretary.Locator("tr.ant-table-row", new() { HasText = problem });
        await task.Locator(".task-progress").ClickAsync();
        await secretary.Locator("#task-file").SetInputFilesAsync(new FilePayload
        {
            Name = "党课照片.png", MimeType = "image/png", Buffer = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0],
        });
        await Assertions.Expect(secretary.Locator(".progress-modal .evidence-file")).ToHaveTextAsync("党课照片.png");
        await secretary.Locator("#task-file").SetInputFilesAsync(new FilePayload { Name = "病毒.exe", MimeType = "application/octet-stream", Buffer = [0x4D, 0x5A] });
        await Assertions.Expect(secretary.Locator(".progress-modal .error-text")).ToContainTextAsync("只能上传图片");
        await secretary.CheckAsync("#task-submit");
        await secretary.ClickAsync(".progress-modal .modal-ok");
        await Assertions.Expect(task.Locator(".task-status")).ToHaveTextAsync("待验收");
        await Assertions.Expect(task.Locator(".task-files")).ToHaveTextAsync("附件 1 个");
        await Assertions.Expect(task).Not.ToHaveClassAsync(new Regex("overdue-row"));
        await JishiServer.ScreenshotAsync(secretary, "43-rectification-evidence");
        await secretary.Context.CloseAsync();
    }
}
