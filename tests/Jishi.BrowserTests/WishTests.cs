using System.Net.Http.Json;
using Jishi.BrowserTests.Infrastructure;
using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jishi.BrowserTests;

/// <summary>微心愿 end to end: a resident sends a wish with a photo from a phone, the community secretary publishes it, a
/// member claims and fulfils it on their phone, the resident confirms it through the tracking link, and the secretary sees
/// the member's points posted.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WishTests(JishiServer server)
{
    private const string Text = "楼下单元门的闭门器坏了，风一吹门就砰砰响";

    /// <summary>A tiny PNG: the signature the upload checks, then enough of a picture for a browser to send.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /// <summary>A Member account bound to the first serving member of sq01's community, signed in on a phone.</summary>
    private async Task<(IPage Page, string Name)> MemberPhoneAsync()
    {
        (int Id, string Name, int UnitId) member;
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JishiDbContext>();
            var community = await db.Users.Where(u => u.UserName == "sq01").Select(u => u.Unit!.Path).SingleAsync();
            var row = await db.Members.Where(m => m.Unit!.Path.StartsWith(community) && m.Status == MemberStatus.Active && m.Tier == "在职")
                .OrderBy(m => m.Id).Skip(11).Select(m => new { m.Id, m.Name, m.UnitId }).FirstAsync();
            member = (row.Id, row.Name, row.UnitId);
        }
        var userName = $"wish{member.Id}";
        var admin = await server.AdminClientAsync();
        var created = await admin.PostAsJsonAsync("/api/accounts", new
        {
            userName, displayName = member.Name, password = JishiServer.DemoPassword, role = "Member", unitId = member.UnitId,
            mustChangePassword = false, memberId = member.Id,
        });
        created.EnsureSuccessStatusCode();
        var page = await server.PhoneAsync();
        await page.GotoAsync("/login");
        await JishiServer.SubmitLoginAsync(page, userName, JishiServer.DemoPassword);
        await page.WaitForURLAsync(url => !url.Contains("/login"));
        return (page, member.Name);
    }

    [Fact]
    public async Task Wish_SubmitPublishClaimFulfilConfirm_PointsShown()
    {
        var resident = await server.PhoneAsync();
        await resident.GotoAsync("/wish/new");
        await resident.SelectOptionAsync("#wish-unit", new SelectOptionValue { Index = 1 });
        await resident.FillAsync("#wish-name", "刘桂芳");
        await resident.FillAsync("#wish-phone", "13919310123");
        await resident.FillAsync("#wish-text", Text);
        await resident.SetInputFilesAsync("#wish-photo", new FilePayload { Name = "门.png", MimeType = "image/png", Buffer = Png });
        await JishiServer.ScreenshotAsync(resident, "70-wish-new-phone");
        await resident.ClickAsync("button[type=submit]");
        var code = await resident.Locator("[data-testid=tracking-code]").InnerTextAsync();
        Assert.Matches("^[2-9A-Z]{10}$", code);
        await JishiServer.ScreenshotAsync(resident, "71-wish-sent-phone");

        var staff = await server.LoginAsync("sq01");
        await staff.ClickAsync(".app-sider a[href='/wishes']");
        await Assertions.Expect(staff.Locator("h1.page-title")).ToHaveTextAsync("微心愿");
        var row = staff.Locator(".wishes-table tbody tr.ant-table-row").Filter(new() { HasText = Text });
        await Assertions.Expect(row).ToContainTextAsync("刘桂芳");
        await Assertions.Expect(row).ToContainTextAsync("居民照片");
        await row.Locator(".wish-publish").ClickAsync();
        await Assertions.Expect(row.Locator(".wish-status-tag")).ToHaveTextAsync("待认领");

        var (member, memberName) = await MemberPhoneAsync();
        await member.GotoAsync("/wish/mine");
        var open = member.Locator("[data-testid=open-wish]").Filter(new() { HasText = Text });
        await open.Locator("button").ClickAsync();
        var mine = member.Locator("[data-testid=my-wish]").Filter(new() { HasText = Text });
        await Assertions.Expect(mine).ToContainTextAsync("刘桂芳");
        await Assertions.Expect(mine).ToContainTextAsync("13919310123");
        await mine.Locator("textarea[name=note]").FillAsync("已找物业换了新的闭门器，门关得很轻了");
        await mine.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "修好了.png", MimeType = "image/png", Buffer = Png });
        await JishiServer.ScreenshotAsync(member, "72-wish-mine-phone");
        await mine.Locator("button", new() { HasText = "报告已完成" }).ClickAsync();
        await Assertions.Expect(member.Locator("[data-testid=my-wish]").Filter(new() { HasText = Text })).ToContainTextAsync("待确认");

        await resident.ClickAsync("[data-testid=tracking-link]");
        await Assertions.Expect(resident.Locator("[data-testid=wish-status]")).ToHaveTextAsync("待确认");
        await Assertions.Expect(resident.Locator(".wish-steps")).ToContainTextAsync(memberName);
        await resident.ClickAsync("label[for=star-4]");
        await resident.FillAsync("#wish-comment", "谢谢党员同志，解决了大问题");
        await JishiServer.ScreenshotAsync(resident, "73-wish-confirm-phone");
        await resident.ClickAsync("button[type=submit]");
        await Assertions.Expect(resident.Locator("[data-testid=wish-confirmed]")).ToBeVisibleAsync();
        await Assertions.Expect(resident.Locator(".stars-shown")).ToHaveTextAsync("★★★★☆");
        await JishiServer.ScreenshotAsync(resident, "74-wish-confirmed-phone");

        await staff.ReloadAsync();
        await JishiServer.WaitForCircuitAsync(staff);
        row = staff.Locator(".wishes-table tbody tr.ant-table-row").Filter(new() { HasText = Text });
        await Assertions.Expect(row.Locator(".wish-status-tag")).ToHaveTextAsync("已实现");
        await Assertions.Expect(row.Locator(".wish-award")).ToContainTextAsync("积分 +3");
        await Assertions.Expect(row).ToContainTextAsync("完成照片");
        await JishiServer.ScreenshotAsync(staff, "75-wishes-admin");

        var wall = await staff.Locator("#wish-wall").GetAttributeAsync("href");
        await staff.GotoAsync(server.BaseUrl + wall);
        await Assertions.Expect(staff.Locator("[data-testid=wall-wish]").Filter(new() { HasText = Text })).ToContainTextAsync(memberName);
        await Assertions.Expect(staff.Locator(".wish-wall")).Not.ToContainTextAsync("刘桂芳");
        await JishiServer.ScreenshotAsync(staff, "76-wish-wall");
    }
}
