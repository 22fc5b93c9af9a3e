using System.Text.RegularExpressions;
using Jishi.BrowserTests.Infrastructure;
using Jishi.Web.Data;
using Jishi.Web.Features.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jishi.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ReviewsAdminTests(JishiServer server)
{
    // sq01 is the secretary account of 七里墩社区党委, whose party secretary is 王建华 in the demo.
    private const string Secretary = "王建华";

    [Fact]
    public async Task Review_CreateScoreCloseAndRectify_RunsFromCampaignToVerifiedTask()
    {
        var title = "浏览器测试评议 " + Guid.NewGuid().ToString("N")[..6];
        var problem = "党员活动阵地台账不全 " + title;
        var admin = await server.LoginAsync();
        await admin.ClickAsync(".app-sider a[href='/reviews']");
        await Assertions.Expect(admin.Locator("h1.page-title")).ToHaveTextAsync("评议活动");

        // The form comes with every community ticked and the four demo groups; an empty title is refused at the field.
        await admin.ClickAsync("#review-add");
        await Assertions.Expect(admin.Locator(".review-groups tbody tr")).ToHaveCountAsync(4);
        var subjects = admin.Locator(".review-subjects .ant-checkbox-wrapper");
        Assert.True(await subjects.CountAsync() >= 9);
        Assert.Equal(await subjects.CountAsync(), await admin.Locator(".review-subjects .ant-checkbox-wrapper-checked").CountAsync());
        await Assertions.Expect(admin.Locator("#review-ballot-weight input, input#review-ballot-weight").First).ToHaveValueAsync("40");
        await JishiServer.FillDialogInputAsync(admin, "#review-title", "");
        await admin.ClickAsync("#review-save");
        var titleItem = admin.Locator(".ant-form-item", new() { Has = admin.Locator("#review-title") });
        await Assertions.Expect(titleItem.Locator(".ant-form-item-explain")).ToContainTextAsync("请填写标题");
        await JishiServer.ScreenshotAsync(admin, "24-review-form");
        await JishiServer.FillDialogInputAsync(admin, "#review-title", title);
        // A street that counts 差 as 0 says so in the scale.
        await admin.Locator(".review-scale .scale-value-3 input").FillAsync("0");
        await admin.ClickAsync("#review-save");
        await admin.Locator(".ant-modal").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        var link = admin.Locator("a.review-link", new() { HasText = title });
        await Assertions.Expect(link).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("tr", new() { Has = link })).ToContainTextAsync("草稿");
        await JishiServer.ScreenshotAsync(admin, "20-reviews-list");
        using (var scope = server.Services.CreateScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<JishiDbContext>().ReviewCampaigns.AsNoTracking().SingleAsync(c => c.Title == title);
            Assert.Equal(new ReviewScale(Poor: 0), created.Scale);
        }

        // The campaign's page: a daily score and a 点评 for one secretary, saved with the row; a score typed in another
        // row meanwhile stays until that row is saved too.
        await link.ClickAsync();
        await Assertions.Expect(admin.Locator("h1.page-title")).ToHaveTextAsync(title);
        await Assertions.Expect(admin.Locator(".review-turnout tbody tr")).ToHaveCountAsync(5);
        var row = admin.Locator("tr.subject-row", new() { HasText = Secretary });
        var other = admin.Locator("tr.subject-row", new() { HasText = "李秀英" });
        await row.Locator(".subject-daily").FillAsync("100");
        await row.Locator(".subject-comment").FillAsync("述职报告条理清晰，问题找得准");
        await other.Locator(".subject-daily").FillAsync("88");
        await row.Locator(".subject-save").ClickAsync();
        await Assertions.Expect(admin.Locator(".ant-message")).ToContainTextAsync("已保存");
        await Assertions.Expect(other.Locator(".subject-daily")).ToHaveValueAsync("88");
        await other.Locator(".subject-save").ClickAsync();
        var third = admin.Locator("tr.subject-row", new() { HasText = "张志强" });
        await third.Locator(".subject-daily").FillAsync("101");
        await third.Locator(".subject-save").ClickAsync();
        await Assertions.Expect(third.Locator(".error-text")).ToContainTextAsync("日常考核分应在 0 到 100 之间");
        await admin.ReloadAsync();
        await JishiServer.WaitForCircuitAsync(admin);
        await Assertions.Expect(row.Locator(".subject-daily")).ToHaveValueAsync("100");
        await Assertions.Expect(row.Locator(".subject-comment")).ToHaveValueAsync("述职报告条理清晰，问题找得准");
        await Assertions.Expect(other.Locator(".subject-daily")).ToHaveValueAsync("88");

        // 会场模式: the test server listens on loopback only, so the panel says it is off and how to turn it on.
        await Assertions.Expect(admin.Locator("#hall-mode")).ToContainTextAsync("未打开");
        await Assertions.Expect(admin.Locator("#hall-mode")).ToContainTextAsync("jishi --Jishi:Lan=true");
        await Assertions.Expect(admin.Locator("#review-check")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/check$"));

        // Open, then close the vote, each after a confirmation; the results follow.
        await Assertions.Expect(admin.Locator("#review-summary")).ToHaveCountAsync(0);
        await TransitionAsync(admin, "开始投票", "投票中");
        await TransitionAsync(admin, "结束投票", "投票已结束");
        // No ballots: the ballot score is 0, so the composite is the daily score's 60 %.
        var result = admin.Locator("tr.result-row", new() { HasText = Secretary });
        await Assertions.Expect(result).ToContainTextAsync("60.00");
        await Assertions.Expect(result.Locator(".band")).ToHaveTextAsync("一般");
        await Assertions.Expect(result.Locator("td:first-child")).ToHaveTextAsync("1");
        await Assertions.Expect(result.Locator(".provisional")).ToHaveCountAsync(0);
        await Assertions.Expect(admin.Locator("tr.result-row", new() { HasText = "李秀英" })).ToContainTextAsync("52.80");
        await Assertions.Expect(admin.Locator("tr.result-row .provisional").First).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("#review-summary")).ToHaveAttributeAsync("target", "_blank");
        await Assertions.Expect(admin.Locator("#review-transition")).ToHaveTextAsync("公布结果");

        // A veto item makes the band 差 whatever the score.
        await row.Locator(".subject-veto").ClickAsync();
        await Assertions.Expect(result.Locator(".band")).ToHaveTextAsync("差");
        await Assertions.Expect(result.Locator(".vetoed")).ToBeVisibleAsync();
        await Assertions.Expect(result).ToContainTextAsync("60.00");
        await JishiServer.ScreenshotAsync(admin, "21-review-results");

        // A 整改 task for that secretary, owner prefilled with his name.
        await result.Locator(".result-task").ClickAsync();
        await Assertions.Expect(admin.Locator("#task-owner")).ToHaveValueAsync(Secretary);
        await JishiServer.FillDialogInputAsync(admin, "#task-problem", problem);
        await admin.ClickAsync(".task-modal .modal-ok");
        await Assertions.Expect(admin.Locator(".ant-message")).ToContainTextAsync("整改任务已生成");

        // Published: no further state, scores and 点评 are fixed.
        await TransitionAsync(admin, "公布结果", "已公布");
        await Assertions.Expect(admin.Locator("#review-transition")).ToHaveCountAsync(0);
        await Assertions.Expect(row.Locator(".subject-comment")).ToBeDisabledAsync();

        // An older task of the same community, long past its deadline, is marked in the ledger.
        var overdueProblem = "逾期未整改 " + title;
        await AddTaskAsync(overdueProblem, new DateOnly(2020, 1, 1));

        // The community secretary sees it in the ledger and reports measures and evidence.
        var secretary = await server.LoginAsync("sq01");
        await secretary.ClickAsync(".app-sider a[href='/rectifications']");
        await Assertions.Expect(secretary.Locator(".app-sider")).Not.ToContainTextAsync("评议活动");
        var task = secretary.Locator("tr.ant-table-row", new() { HasText = problem });
        await Assertions.Expect(task.Locator(".task-status")).ToHaveTextAsync("未开始");
        await Assertions.Expect(task.Locator(".task-accept")).ToHaveCountAsync(0);
        await Assertions.Expect(task).Not.ToHaveClassAsync(new Regex("overdue-row"));
        var overdue = secretary.Locator("tr.ant-table-row", new() { HasText = overdueProblem });
        await Assertions.Expect(overdue).ToHaveClassAsync(new Regex("overdue-row"));
        await Assertions.Expect(overdue).ToContainTextAsync("已逾期");
        await task.Locator(".task-progress").ClickAsync();
        await JishiServer.FillDialogInputAsync(secretary, "#task-measures", "逐项补齐台账，建立月度检查制度");
        await secretary.FillAsync("#task-evidence", "台账照片 12 张，检查记录 3 份");
        await secretary.ClickAsync(".progress-modal .modal-ok");
        await Assertions.Expect(task.Locator(".task-status")).ToHaveTextAsync("待验收");
        await Assertions.Expect(task.Locator(".task-progress")).ToHaveCountAsync(0);
        await JishiServer.ScreenshotAsync(secretary, "22-rectifications-secretary");
        await secretary.Context.CloseAsync();

        // The street verifies it: 销号.
        await admin.ClickAsync(".app-sider a[href='/rectifications']");
        var verified = admin.Locator("tr.ant-table-row", new() { HasText = problem });
        await verified.Locator(".task-accept").ClickAsync();
        await Assertions.Expect(verified.Locator(".task-status")).ToHaveTextAsync("已销号");
        await Assertions.Expect(verified).ToContainTextAsync("admin");
        await JishiServer.ScreenshotAsync(admin, "23-rectifications-verified");
        await admin.Context.CloseAsync();
    }

    private async Task AddTaskAsync(string problem, DateOnly deadline)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JishiDbContext>();
        var unit = await db.Units.SingleAsync(u => u.Name == "七里墩社区党委");
        var campaign = await db.ReviewCampaigns.OrderBy(c => c.Id).FirstAsync();
        db.Rectifications.Add(new Rectification(campaign.Id, unit.Id, problem, Secretary, deadline));
        await db.SaveChangesAsync();
    }

    private static async Task TransitionAsync(IPage page, string action, string status)
    {
        await Assertions.Expect(page.Locator("#review-transition")).ToHaveTextAsync(action);
        await page.ClickAsync("#review-transition");
        await Assertions.Expect(page.Locator(".confirm-modal")).ToContainTextAsync($"确定要{action}吗？");
        if (action == "结束投票")
        {
            // The turnout per group, and what closing does to the codes not used.
            await Assertions.Expect(page.Locator("[data-testid=close-turnout] li").First).ToContainTextAsync("已投 0 票");
            await Assertions.Expect(page.Locator(".confirm-modal")).ToContainTextAsync("个测评码全部失效");
            await JishiServer.ScreenshotAsync(page, "hall-close-confirm-1366");
        }
        await page.ClickAsync(".confirm-modal .modal-ok");
        await Assertions.Expect(page.Locator(".review-head .review-status")).ToHaveTextAsync(status);
    }

    [Fact]
    public async Task Review_CopyForNextYear_ConfirmThenOpensTheDraftWithLastYearsSubjects()
    {
        var admin = await server.LoginAsync();
        await admin.GotoAsync("/reviews");
        await JishiServer.WaitForCircuitAsync(admin);
        var source = admin.Locator("tr", new() { Has = admin.Locator("a.review-link", new() { HasText = "2016" }) }).First;
        await source.Locator(".review-copy").ClickAsync();
        var dialog = admin.Locator(".review-copy-modal .ant-modal");
        await Assertions.Expect(dialog).ToContainTextAsync("2017 年度");
        await JishiServer.WaitForAnimationsAsync(admin); // the dialog's zoom-in, for a screenshot worth looking at
        await JishiServer.ScreenshotAsync(admin, "25-review-copy");
        await dialog.Locator(".ant-btn-primary").ClickAsync();

        await admin.WaitForURLAsync(new Regex(@"/reviews/\d+$"));
        await Assertions.Expect(admin.Locator("h1.page-title")).ToContainTextAsync("2017 年度");
        await Assertions.Expect(admin.Locator("tr.subject-row")).ToHaveCountAsync(9);
        await Assertions.Expect(admin.Locator("tr.subject-row", new() { HasText = Secretary })).ToBeVisibleAsync();
    }
}
