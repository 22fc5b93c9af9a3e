using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jishi.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Jishi.Testing;

namespace Jishi.BrowserTests;

/// <summary>后进转化 end to end as the street: a plan is created for a lagging branch, a milestone is marked done with evidence,
/// the month's progress is written, the overdue milestone shows red in the plan and the list, and the branch is re-graded and
/// the plan closed.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class TurnaroundTests(JishiServer server)
{
    private const string Branch = "西站社区党总支 · 第一党支部";

    [Fact]
    public async Task Plan_CreateReportProgressRegrade_TrackedToClosed()
    {
        var page = await server.LoginAsync();
        await page.ClickAsync(".app-sider a[href='/turnaround']");
        await Assertions.Expect(page.Locator("h1.page-title")).ToHaveTextAsync("后进支部转化");
        await Assertions.Expect(page.Locator(".plans-table")).ToContainTextAsync("流动党员党支部");
        await page.ClickAsync("#plan-new");
        await JishiServer.PickOptionAsync(page, "#plan-unit", Branch);
        await JishiServer.FillDialogInputAsync(page, "#plan-origin", "2025年度分类定级为后进（★★）");
        await page.FillAsync("#plan-leader", "马卫国");
        await page.FillAsync("#plan-target", "晋级到★★★");
        await page.FillAsync("#plan-helper", "周立新");
        await page.FillAsync("#plan-problems", "组织生活不经常\n党员发挥作用不明显");
        await page.FillAsync("#plan-measures", "每月固定主题党日\n设岗定责");
        await JishiServer.ScreenshotAsync(page, "90-turnaround-new");
        await page.ClickAsync(".plan-modal .modal-ok");
        await page.WaitForURLAsync(PlanUrl());
        await Assertions.Expect(page.Locator("h1.plan-title")).ToContainTextAsync("西站社区党总支 · 第一党支部");
        var id = int.Parse(PlanUrl().Match(page.Url).Groups[1].Value);

        // Milestones with dates around today, one already past due.
        var admin = await server.AdminClientAsync();
        var today = server.Clock.ServerToday();
        (await admin.PostAsJsonAsync($"/api/turnaround/plans/{id}/milestones", new { title = "召开支部党员大会补选委员", dueOn = today.AddDays(-5) })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/turnaround/plans/{id}/milestones", new { title = "建立党员设岗定责台账", dueOn = today.AddDays(20) })).EnsureSuccessStatusCode();
        await page.ReloadAsync();
        await JishiServer.WaitForCircuitAsync(page);
        var overdue = page.Locator(".milestones-table tr.ant-table-row").Filter(new() { HasText = "补选委员" });
        await Assertions.Expect(overdue.Locator(".overdue-tag")).ToHaveTextAsync("逾期 5 天");

        var ledger = page.Locator(".milestones-table tr.ant-table-row").Filter(new() { HasText = "设岗定责" });
        await ledger.Locator(".milestone-report").ClickAsync();
        await page.Locator("#milestone-file").SetInputFilesAsync(new FilePayload
        {
            Name = "设岗定责台账.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 台账"u8.ToArray(),
        });
        await Assertions.Expect(page.Locator(".done-modal .evidence-file")).ToHaveTextAsync("设岗定责台账.pdf");
        await JishiServer.ScreenshotAsync(page, "91-turnaround-done");
        await page.ClickAsync(".done-modal .modal-ok");
        await Assertions.Expect(ledger.Locator(".milestone-done")).ToContainTextAsync("完成");
        await Assertions.Expect(ledger.Locator(".evidence-file")).ToHaveTextAsync("设岗定责台账.pdf");

        await page.FillAsync("#progress-text", "本月建立了设岗定责台账，12 名党员认领岗位。");
        await page.ClickAsync("#progress-save");
        await Assertions.Expect(page.Locator(".progress-timeline .progress-text")).ToHaveTextAsync("本月建立了设岗定责台账，12 名党员认领岗位。");
        await JishiServer.ScreenshotAsync(page, "92-turnaround-plan");

        await page.ClickAsync("a[href='/turnaround']");
        var row = page.Locator(".plans-table tr.ant-table-row").Filter(new() { HasText = "西站社区党总支 · 第一党支部" });
        await Assertions.Expect(row.Locator(".overdue-tag")).ToHaveTextAsync("逾期 1 项");
        await JishiServer.ScreenshotAsync(page, "93-turnaround-list");

        await row.Locator(".plan-open").ClickAsync();
        await page.ClickAsync("#plan-regrade");
        await JishiServer.PickOptionAsync(page, "#regrade-stars", "★★★");
        await page.FillAsync("#regrade-note", "街道复评达到三星");
        await JishiServer.ScreenshotAsync(page, "94-turnaround-regrade");
        await page.ClickAsync(".regrade-modal .modal-ok");
        await Assertions.Expect(page.Locator(".regrade-modal .ant-modal")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".review-head .plan-status")).ToHaveTextAsync("已转化");
        await Assertions.Expect(page.Locator(".plan-result")).ToContainTextAsync("★★★");
        await Assertions.Expect(page.Locator("#plan-regrade")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".overdue-tag")).ToHaveCountAsync(0);
        await JishiServer.ScreenshotAsync(page, "95-turnaround-closed");
    }

    [GeneratedRegex(@"/turnaround/(\d+)$")]
    private static partial Regex PlanUrl();
}
