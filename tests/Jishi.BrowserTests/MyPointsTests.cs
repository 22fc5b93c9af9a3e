using System.Net.Http.Json;
using Jishi.BrowserTests.Infrastructure;
using Jishi.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jishi.BrowserTests;

/// <summary>我的积分 on a phone: a demo member logs in, sees stars and statement, and objects to an entry while a 公示 of their
/// unit is open; a community secretary opens a member's account from the member list and the member's first login.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MyPointsTests(JishiServer server)
{
    private sealed record Created(long Id, string Status);

    private sealed record Opened(int Id);

    [Fact]
    public async Task Member_PhoneLogin_SeesStarsStatementAndObjectsDuringPosting()
    {
        // dy02's second-quarter entry, posted by the admin, and a 公示 of dy02's unit for that quarter open from today.
        int memberId, unitId;
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JishiDbContext>();
            (memberId, unitId) = await db.Users.Where(u => u.UserName == "dy02").Select(u => new ValueTuple<int, int>(u.MemberId!.Value, u.UnitId)).SingleAsync();
        }
        using var admin = await server.AdminClientAsync();
        var entry = await (await admin.PostAsJsonAsync("/api/points/entries",
            new { memberId, ruleCode = "volunteer-hour", quantity = 3, occurredOn = "2016-04-20", note = "社区义诊志愿服务" })).Content.ReadFromJsonAsync<Created>();
        if (entry!.Status == "Pending")
        {
            (await admin.PostAsync($"/api/points/entries/{entry.Id}/approve", null)).EnsureSuccessStatusCode();
        }
        (await admin.PostAsJsonAsync("/api/points/postings", new { unitId, year = 2016, quarter = 2, days = 5 })).EnsureSuccessStatusCode();

        var page = await server.PhoneAsync();
        await page.GotoAsync("/login");
        await JishiServer.SubmitLoginAsync(page, "dy02", JishiServer.DemoPassword);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/my/points$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("我的积分");
        await Assertions.Expect(page.Locator("#my-stars .words")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("星党员|不合格"));
        await Assertions.Expect(page.Locator("#my-score .value")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator(".my-years a.current")).ToHaveTextAsync("2016年");
        await Assertions.Expect(page.Locator(".my-entries")).ToContainTextAsync("参加主题党日");
        await Assertions.Expect(page.Locator(".my-pledge").First).ToContainTextAsync("为独居老人代购送餐");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= innerWidth"), "我的积分 is wider than the phone");
        Assert.Equal(0, await page.Locator(".app-sider").CountAsync());
        await JishiServer.ScreenshotAsync(page, "80-my-points");

        var item = page.Locator($"li.my-entry[data-entry='{entry.Id}']");
        await Assertions.Expect(page.Locator(".my-posting")).ToContainTextAsync("第2季度积分正在公示");
        await item.Locator("summary").TapAsync();
        await item.Locator("textarea").FillAsync("那天我在外地，没有参加义诊，请核实");
        await JishiServer.ScreenshotAsync(page, "81-my-points-object");
        await item.Locator("button[type=submit]").TapAsync();

        await Assertions.Expect(page.Locator(".done-notice")).ToContainTextAsync("异议已提交");
        await Assertions.Expect(item).ToContainTextAsync("我的异议：那天我在外地，没有参加义诊，请核实（待处理）");
        Assert.Equal(0, await item.Locator("summary").CountAsync());
        await JishiServer.ScreenshotAsync(page, "82-my-points-objected");

        await page.ClickAsync(".lang-links a:has-text('English')");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("My points");
        await Assertions.Expect(item).ToContainTextAsync("My objection: 那天我在外地，没有参加义诊，请核实");
        await JishiServer.ScreenshotAsync(page, "85-my-points-english");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task MemberList_OpenAccount_PasswordShownOnceAndFirstLoginChangesIt()
    {
        var secretary = await server.LoginAsync("sq03");
        await secretary.ClickAsync(".app-sider a[href='/members']");
        var row = secretary.Locator(".ant-table-tbody tr.ant-table-row").First;
        var name = (await row.Locator("td").Nth(0).InnerTextAsync()).Trim();
        await row.Locator(".row-account").ClickAsync();
        await Assertions.Expect(secretary.Locator(".ant-modal-title")).ToContainTextAsync("开通账号");
        await secretary.ClickAsync(".ant-modal-body .modal-ok");
        var userName = await secretary.Locator("#opened-username").InnerTextAsync();
        var password = await secretary.Locator("#opened-password").InnerTextAsync();
        await JishiServer.ScreenshotAsync(secretary, "83-member-account-opened");
        Assert.StartsWith("dy", userName);
        await secretary.Context.CloseAsync();

        var page = await server.PhoneAsync();
        await page.GotoAsync("/login");
        await JishiServer.SubmitLoginAsync(page, userName, password);
        await Assertions.Expect(page.Locator("h1.login-title")).ToHaveTextAsync("修改密码");
        var inputs = page.Locator(".plain-form input[type=password]");
        await inputs.Nth(0).FillAsync(password);
        await inputs.Nth(1).FillAsync("Member-2016c");
        await inputs.Nth(2).FillAsync("Member-2016c");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/my/points$"));
        await Assertions.Expect(page.Locator(".my-head .who b")).ToHaveTextAsync(name);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Accounts_NewMemberAccount_BoundToPickedMemberInMembersUnit()
    {
        var admin = await server.LoginAsync();
        await admin.ClickAsync(".app-sider a[href='/accounts']");
        await admin.ClickAsync("#account-add");
        await JishiServer.FillDialogInputAsync(admin, "#account-username", "dyxizhan");
        await JishiServer.PickOptionAsync(admin, ".ant-modal-body .ant-select >> nth=0", "党员");
        await JishiServer.PickUnitAsync(admin, ".ant-modal-body .ant-select >> nth=1", "西站社区党总支");
        await admin.Locator(".ant-modal-body #account-member").ClickAsync();
        await admin.Locator(".ant-select-dropdown .ant-select-item-option >> visible=true").Nth(3).ClickAsync();
        await Assertions.Expect(admin.Locator("#account-displayname")).Not.ToHaveValueAsync("");
        await JishiServer.WaitForAnimationsAsync(admin); // the drop-down's closing animation
        await JishiServer.ScreenshotAsync(admin, "84-account-new-member");
        await admin.ClickAsync(".ant-modal-body .modal-ok");

        await Assertions.Expect(admin.Locator(".ant-table-tbody tr:has-text('dyxizhan')")).ToContainTextAsync("党员");
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JishiDbContext>();
        var account = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "dyxizhan");
        var member = await db.Members.AsNoTracking().SingleAsync(m => m.Id == account.MemberId);
        Assert.Equal((member.Name, member.UnitId), (account.DisplayName, account.UnitId));
        await admin.Context.CloseAsync();
    }
}
