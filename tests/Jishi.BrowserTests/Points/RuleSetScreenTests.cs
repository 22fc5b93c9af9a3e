using System.Net.Http.Json;
using Jishi.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Jishi.BrowserTests.Points;

/// <summary>The street admin sets up 2017's rules for 在职 members on the screen: adopts a first version from the
/// defaults, drafts the next, changes an item and the base score, previews 2016's scores under it and adopts it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RuleSetScreenTests(JishiServer server)
{
    [Fact]
    public async Task RulesScreen_StreetAdminDraftsPreviewsAdopts_NewVersionShows()
    {
        var page = await server.LoginAsync();
        await page.GotoAsync("/points/rules?year=2017");
        await JishiServer.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("h1.page-title")).ToHaveTextAsync("积分细则");

        // No version stored for 2017 yet: the first draft is the defaults, adopted as version 1.
        await page.ClickAsync("#draft-new");
        await Assertions.Expect(page.Locator("#draft-version")).ToContainTextAsync("第 1 版草案");
        await page.ClickAsync("#draft-adopt");
        await Assertions.Expect(page.Locator(".adopt-modal")).ToContainTextAsync("尚无已启用的细则");
        await page.ClickAsync(".adopt-modal .modal-ok");
        await Assertions.Expect(page.Locator(".ant-message")).ToContainTextAsync("已启用第 1 版细则");

        // Version 2: 主题党日 worth 3 instead of 5, and a higher base score.
        await page.ClickAsync("#draft-new");
        await Assertions.Expect(page.Locator("#draft-version")).ToContainTextAsync("第 2 版草案");
        var themeDay = page.Locator(".draft-table tbody tr.ant-table-row").Filter(new() { HasText = "参加主题党日" });
        await themeDay.Locator(".rule-edit").ClickAsync();
        await JishiServer.FillDialogInputAsync(page, "input#rule-points, #rule-points input", "3");
        await page.ClickAsync(".rule-modal .modal-ok");
        await Assertions.Expect(themeDay).ToContainTextAsync("3 / 次");
        // The edit dialog must be gone before the next one opens, or the click lands in its closing animation.
        await Assertions.Expect(page.Locator(".rule-modal .modal-ok")).ToHaveCountAsync(0);

        // A new item without a name is refused in Chinese; with a name it is added.
        await page.ClickAsync("#rule-add");
        await page.ClickAsync(".rule-modal .modal-ok");
        await Assertions.Expect(page.Locator("#rule-error")).ToContainTextAsync("请填写项目名称");
        await JishiServer.FillDialogInputAsync(page, "#rule-name", "参加环境整治");
        await page.ClickAsync(".rule-modal .modal-ok");
        await Assertions.Expect(page.Locator(".draft-table")).ToContainTextAsync("参加环境整治");

        var baseScore = page.Locator("input#draft-base, #draft-base input").First;
        await baseScore.FillAsync("65");
        await baseScore.PressAsync("Tab");
        await page.ClickAsync("#draft-preview");
        await Assertions.Expect(page.Locator("#preview-title")).ToContainTextAsync("2016 年度");
        await Assertions.Expect(page.Locator("#preview-summary")).ToContainTextAsync("人分数有变化");
        await Assertions.Expect(page.Locator(".preview-table tbody tr.ant-table-row").First).ToBeVisibleAsync();
        await page.ClickAsync("#preview-star-changes");
        await Assertions.Expect(page.Locator(".preview-table tbody tr.ant-table-row").First.Locator(".star-change")).ToBeVisibleAsync();
        await JishiServer.ScreenshotAsync(page, "44-points-rules-draft");

        await page.ClickAsync("#draft-adopt");
        var confirm = page.Locator(".adopt-modal");
        await Assertions.Expect(confirm).ToContainTextAsync("第 2 版将取代现行的第 1 版");
        await Assertions.Expect(confirm).ToContainTextAsync("基础分由 60 改为 65");
        await Assertions.Expect(confirm).ToContainTextAsync("修改 1 项：参加主题党日");
        await Assertions.Expect(confirm).ToContainTextAsync("新增 1 项：参加环境整治");
        await JishiServer.ScreenshotAsync(page, "45-points-rules-adopt");
        await page.ClickAsync(".adopt-modal .modal-ok");

        await Assertions.Expect(page.Locator("#rules-version")).ToContainTextAsync("第 2 版");
        await Assertions.Expect(page.Locator("#rules-version")).ToContainTextAsync("基础分 65");
        await Assertions.Expect(page.Locator(".rules-table").First.Locator("tr").Filter(new() { HasText = "参加主题党日" })).ToContainTextAsync("3 / 次");
        await Assertions.Expect(page.Locator("#draft-new")).ToBeVisibleAsync();
        await JishiServer.ScreenshotAsync(page, "46-points-rules-adopted");
    }

    private sealed record MemberItem(int Id, string Name);

    private sealed record MemberPage(List<MemberItem> Items);

    [Fact]
    public async Task Statement_ElderlyMemberExempted_ShowsExemptThenLifted()
    {
        var api = await server.AdminClientAsync();
        var member = (await api.GetFromJsonAsync<MemberPage>("/api/members?tier=年老体弱&pageSize=1"))!.Items[0];
        var page = await server.LoginAsync();
        await page.GotoAsync($"/points/members/{member.Id}?year=2016");
        await JishiServer.WaitForCircuitAsync(page);

        await page.ClickAsync("#exempt-open");
        await page.ClickAsync(".exempt-modal .modal-ok");
        await Assertions.Expect(page.Locator("#exempt-error")).ToContainTextAsync("请填写作出免评决定的组织");
        await JishiServer.FillDialogInputAsync(page, "#exempt-by", "第一党支部支委会");
        await JishiServer.FillDialogInputAsync(page, "#exempt-reason", "长期卧床，无法参加组织生活");
        await page.ClickAsync(".exempt-modal .modal-ok");
        await Assertions.Expect(page.Locator("#exemption")).ToContainTextAsync("免评");
        await Assertions.Expect(page.Locator("#exemption")).ToContainTextAsync("经第一党支部支委会决定：长期卧床");
        await JishiServer.ScreenshotAsync(page, "47-points-exempt");

        // Lifted again, so that the demo's 2016 boards stay as other tests expect them.
        await page.ClickAsync(".exempt-lift");
        await Assertions.Expect(page.Locator("#exempt-open")).ToBeVisibleAsync();
    }
}
