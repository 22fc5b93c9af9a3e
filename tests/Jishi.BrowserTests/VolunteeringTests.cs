using System.Net;
using System.Net.Http.Json;
using Jishi.BrowserTests.Infrastructure;
using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jishi.BrowserTests;

/// <summary>志愿服务 as people meet it: a member signs up and checks in on a phone by the activity's QR address, the
/// organizer confirms the hours and the points are posted; the public posting and the printed certificate.</summary>
[Collection(BrowserCollection.Name)]
public sealed class VolunteeringTests(JishiServer server)
{
    private sealed record ActivityRow(int Id, string Secret);
    private sealed record SignupRow(int Id, string Name, DateTime? CheckedInAt, long? EntryId, string? EntryStatus, decimal? EntryPoints);
    private sealed record DetailRow(ActivityRow Activity, List<SignupRow> Signups);

    [Fact]
    public async Task Phone_MemberSignsUpAndChecksIn_OrganizerConfirms_PointsPosted()
    {
        var (community, name, phone) = await MemberWithPhoneAsync();
        using var admin = await server.AdminClientAsync();
        var now = server.Clock.GetUtcNow();
        var created = await admin.PostAsJsonAsync("/api/activities", new
        {
            unitId = community,
            title = "扫码签到演示：楼道清扫",
            content = "清扫楼道、清理小广告",
            contact = "王老师 0931-8123456",
            startsAt = now.AddMinutes(-30),
            endsAt = now.AddHours(2),
            capacity = 10,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var activity = (await created.Content.ReadFromJsonAsync<DetailRow>())!.Activity;

        var page = await server.PhoneAsync();
        await page.GotoAsync($"/v/{activity.Secret}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("扫码签到演示：楼道清扫");
        await page.FillAsync("input[name=phone]", phone);
        await page.FillAsync("input[name=name]", name);
        await page.TapAsync("button[value=signup]");
        await Assertions.Expect(page.Locator("[data-testid=desk-message]")).ToHaveTextAsync("报名成功");
        await Assertions.Expect(page.Locator("[data-testid=desk-person]")).ToContainTextAsync(name);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= innerWidth"), "the page is wider than the phone");
        await JishiServer.ScreenshotAsync(page, "60-volunteer-signed-up");

        await page.TapAsync("button[value=checkin]");
        await Assertions.Expect(page.Locator("[data-testid=desk-message]")).ToHaveTextAsync("签到成功");
        await Assertions.Expect(page.Locator("button[value=checkout]")).ToBeVisibleAsync();
        await JishiServer.ScreenshotAsync(page, "61-volunteer-checked-in");
        await page.Context.CloseAsync();

        // The organizer opens the roll call, gives two hours (the member has not checked out yet) and confirms.
        var organizer = await server.LoginAsync();
        await organizer.GotoAsync("/volunteering");
        await JishiServer.WaitForCircuitAsync(organizer);
        var row = organizer.Locator(".activities-table tr", new() { HasText = "扫码签到演示：楼道清扫" });
        await row.Locator(".activity-open").ClickAsync();
        var drawer = organizer.Locator(".activity-drawer");
        await Assertions.Expect(drawer.Locator(".signups-table")).ToContainTextAsync(name);
        await Assertions.Expect(drawer.Locator("img.activity-qr")).ToBeVisibleAsync();
        var hoursInput = drawer.Locator(".signup-hours input");
        await hoursInput.FillAsync("2");
        await hoursInput.PressAsync("Tab");
        await JishiServer.ScreenshotAsync(organizer, "62-volunteer-roll-call");
        await organizer.ClickAsync("#activity-confirm");
        await Assertions.Expect(drawer.Locator(".signups-table")).ToContainTextAsync("2.0");
        await Assertions.Expect(drawer.Locator(".signups-table")).ToContainTextAsync("志愿服务证明");
        await JishiServer.ScreenshotAsync(organizer, "63-volunteer-confirmed");
        await organizer.Context.CloseAsync();

        var posted = Assert.Single((await admin.GetFromJsonAsync<DetailRow>($"/api/activities/{activity.Id}"))!.Signups);
        Assert.Equal((2m, "Pending"), (posted.EntryPoints!.Value, posted.EntryStatus));

        var posting = await server.NewPageAsync();
        await posting.GotoAsync($"/volunteer/postings/{activity.Id}");
        await Assertions.Expect(posting.Locator("[data-testid=posting-line]")).ToHaveCountAsync(1);
        await Assertions.Expect(posting.Locator("[data-testid=posting-line]")).ToContainTextAsync(name);
        await JishiServer.ScreenshotAsync(posting, "64-volunteer-posting");
        await posting.Context.CloseAsync();
    }

    [Fact]
    public async Task Certificate_DemoMemberOf2016_PrintsOnOneA4Page()
    {
        var member = await FirstDemoVolunteerMemberAsync();
        var page = await server.LoginAsync();
        await page.GotoAsync($"/volunteer/certificates/member/{member}/2016");
        await Assertions.Expect(page.Locator("[data-testid=certificate-number]")).ToContainTextAsync($"ZYFW2016M{member:D6}");
        await Assertions.Expect(page.Locator("article")).ToContainTextAsync("学雷锋志愿服务");
        await JishiServer.ScreenshotAsync(page, "65-volunteer-certificate");
        Assert.Equal(1, await PdfPrint.AssertPdfAsync(page, "65-volunteer-certificate"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task VenueWeek_FirstCommunity_ShowsStreetCentreAndDayCareWithNextActivity()
    {
        int community;
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JishiDbContext>();
            community = await db.Units.Where(u => u.Kind == UnitKind.Community).OrderBy(u => u.SortOrder).ThenBy(u => u.Id).Select(u => u.Id).FirstAsync();
        }
        var page = await server.PhoneAsync();
        await page.GotoAsync($"/venues/week/{community}");

        var venues = page.Locator("[data-testid=week-venue]");
        await Assertions.Expect(venues).ToHaveCountAsync(2);
        await Assertions.Expect(venues.First).ToContainTextAsync("便民服务中心");
        await Assertions.Expect(venues.First).ToContainTextAsync("义务咨询");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= innerWidth"), "the page is wider than the phone");
        await JishiServer.ScreenshotAsync(page, "66-venues-week");
        await page.Context.CloseAsync();
    }

    private async Task<(int Community, string Name, string Phone)> MemberWithPhoneAsync()
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JishiDbContext>();
        var community = await db.Units.Where(u => u.Kind == UnitKind.Community).OrderByDescending(u => u.Id).FirstAsync();
        var member = await db.Members.Where(m => m.Unit!.Path.StartsWith(community.Path) && m.Phone != null && m.Status == MemberStatus.Active && m.Tier == "在职")
            .OrderBy(m => m.Id).Select(m => new { m.Name, m.Phone }).FirstAsync();
        return (community.Id, member.Name, member.Phone!);
    }

    private async Task<int> FirstDemoVolunteerMemberAsync()
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JishiDbContext>();
        return await db.ServiceRecords.Where(r => r.Year == 2016 && r.MemberId != null).OrderBy(r => r.Id).Select(r => r.MemberId!.Value).FirstAsync();
    }
}
