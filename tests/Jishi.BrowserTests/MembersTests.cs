using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jishi.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Jishi.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed partial class MembersTests(JishiServer server)
{
    [Fact]
    public async Task Roster_SearchAndPage_ShowsMaskedRowsOfTheFilter()
    {
        var page = await server.LoginAsync();
        await page.ClickAsync(".app-sider a[href='/members']");
        var rows = page.Locator(".ant-table-tbody tr.ant-table-row");
        await Assertions.Expect(rows).ToHaveCountAsync(20);
        var totalText = await page.Locator(".ant-pagination-total-text").InnerTextAsync();
        var total = int.Parse(Digits().Match(totalText).Value);
        Assert.InRange(total, 500, 800);
        await JishiServer.ScreenshotAsync(page, "05-roster");

        // Page 2 shows other members.
        var firstOnPage1 = await rows.First.Locator("td").First.InnerTextAsync();
        await page.ClickAsync(".ant-pagination-item-2");
        await Assertions.Expect(page.Locator(".ant-pagination-item-active")).ToHaveTextAsync("2");
        await Assertions.Expect(rows.First.Locator("td").First).Not.ToHaveTextAsync(firstOnPage1);

        // A keyword narrows the list to the members whose name holds it.
        var name = await rows.First.Locator("td").First.InnerTextAsync();
        await page.FillAsync("#search-q", name);
        await page.ClickAsync("#search-submit");
        await Assertions.Expect(page.Locator(".ant-pagination-item-active")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator(".ant-pagination-total-text")).Not.ToHaveTextAsync(totalText);
        foreach (var cell in await rows.Locator("td:first-child").AllInnerTextsAsync())
        {
            Assert.Contains(name, cell, StringComparison.Ordinal);
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Roster_CommunitySecretary_SeesOnlyOwnCommunity()
    {
        // A community secretary sees only the own community.
        var page = await server.LoginAsync("sq02");
        await page.ClickAsync(".app-sider a[href='/members']");
        await Assertions.Expect(page.Locator(".ant-table-tbody tr.ant-table-row")).ToHaveCountAsync(20);
        var units = await page.Locator(".ant-table-tbody tr.ant-table-row td:nth-child(3)").AllInnerTextsAsync();
        Assert.NotEmpty(units);
        Assert.DoesNotContain(units, u => u.Contains("社区", StringComparison.Ordinal) && !u.Contains("东岗", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".app-sider")).Not.ToContainTextAsync("审计日志");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task MemberForm_BadIdNumber_ShowsFieldErrorNextToTheField()
    {
        var page = await server.LoginAsync();
        await page.ClickAsync(".app-sider a[href='/members']");
        await page.ClickAsync("#member-add");
        await JishiServer.FillDialogInputAsync(page, "#member-name", "测试党员");
        await page.FillAsync("#member-id-number", "620102198001011234");
        await page.FillAsync("#member-phone", "12345");
        await page.ClickAsync("#member-save");
        var idItem = page.Locator(".ant-form-item", new() { Has = page.Locator("#member-id-number") });
        await Assertions.Expect(idItem.Locator(".ant-form-item-explain")).ToContainTextAsync("公民身份号码不正确");
        var phoneItem = page.Locator(".ant-form-item", new() { Has = page.Locator("#member-phone") });
        await Assertions.Expect(phoneItem.Locator(".ant-form-item-explain")).ToContainTextAsync("联系电话应为 11 位手机号");
        await Assertions.Expect(page.Locator(".member-modal .ant-alert")).ToContainTextAsync("请按提示修改");
        await JishiServer.ScreenshotAsync(page, "06-member-form");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Transfer_ToAnotherCommunity_MovesMemberAndKeepsHistory()
    {
        var page = await server.LoginAsync();
        await page.ClickAsync(".app-sider a[href='/members']");
        var rows = page.Locator(".ant-table-tbody tr.ant-table-row");
        await Assertions.Expect(rows).ToHaveCountAsync(20);
        // Lists mask the 公民身份号码; the member's own record (the admin's API) has it in full, and the search finds it.
        var api = await server.AdminClientAsync();
        var listed = (await api.GetFromJsonAsync<Jishi.Web.Shared.Page<IdRow>>("/api/members"))!.Items[3];
        var idNumber = (await api.GetFromJsonAsync<IdNumberRow>($"/api/members/{listed.Id}"))!.IdNumber;
        Assert.DoesNotContain(idNumber, string.Join("\n", await rows.AllInnerTextsAsync()), StringComparison.Ordinal);
        await page.FillAsync("#search-q", idNumber);
        await page.ClickAsync("#search-submit");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        var from = await rows.First.Locator("td").Nth(2).InnerTextAsync();

        await rows.First.Locator(".row-transfer").ClickAsync();
        await JishiServer.PickUnitAsync(page, ".ant-modal-body .ant-select", "七里墩社区党委");
        await page.ClickAsync(".ant-modal-body .modal-ok");
        await Assertions.Expect(rows.First.Locator("td").Nth(2)).ToHaveTextAsync("七里墩社区党委");

        await rows.First.Locator(".row-history").ClickAsync();
        var history = page.Locator(".ant-modal-body .plain-table tbody tr");
        await Assertions.Expect(history).ToHaveCountAsync(1);
        await Assertions.Expect(history.First).ToContainTextAsync(from);
        await Assertions.Expect(history.First).ToContainTextAsync("七里墩社区党委");
        await JishiServer.ScreenshotAsync(page, "16-transfer-history");
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    private sealed record IdRow(int Id);

    private sealed record IdNumberRow(string IdNumber);
}
