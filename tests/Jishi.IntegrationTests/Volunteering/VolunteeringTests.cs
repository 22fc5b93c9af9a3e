using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.IntegrationTests.Points;
using Jishi.Web.Features.Points;
using Jishi.Web.Features.Volunteering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Jishi.Testing;

namespace Jishi.IntegrationTests.Volunteering;

public sealed record SignupRow(int Id, string Kind, int PersonId, string Name, DateTime? CheckedInAt, DateTime? CheckedOutAt, decimal Hours,
    long? EntryId, string? EntryStatus, decimal? EntryPoints);

public sealed record ActivityRow(int Id, int UnitId, string Title, int Capacity, int SignedUp, string Status, string Secret, DateTime? ConfirmedAt);

public sealed record ActivityDetailRow(ActivityRow Activity, List<SignupRow> Signups);

public sealed record ConfirmRow(ActivityDetailRow Detail);

public sealed record CertificateRow(string Number, string Name, string IdType, string IdNumber, decimal Hours, string IssuingUnit, string Contact);

public sealed record HoursRow(decimal Hours, decimal TotalHours, int Stars);

/// <summary>志愿服务 through the API and the phone desk, on community sq06's members (no other test uses them).</summary>
[Collection(ApiCollection.Name)]
public sealed partial class VolunteeringTests(JishiFactory factory)
{
    private async Task<(HttpClient Client, ActivityDetailRow Activity)> PublishedAsync(int capacity, string title)
    {
        var client = await factory.ClientForAsync("sq06");
        var community = await factory.CommunityOfAsync("sq06");
        var now = factory.Clock.GetUtcNow();
        var created = await client.PostAsJsonAsync("/api/activities", new
        {
            unitId = community.Id,
            title,
            content = "为辖区独居老人打扫卫生、测量血压",
            contact = "王老师 13800138000",
            startsAt = now.AddHours(-2),
            endsAt = now.AddHours(1),
            capacity,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (client, (await created.Content.ReadFromJsonAsync<ActivityDetailRow>())!);
    }

    [Fact]
    public async Task SignUp_30ConcurrentForTenPlaces_ExactlyTenTaken()
    {
        var (client, detail) = await PublishedAsync(10, "容量测试");
        var members = (await factory.MembersAsync("sq06", tier: null)).Take(30).ToList();
        Assert.Equal(30, members.Count);

        var responses = await Task.WhenAll(members.Select(m => client.PostAsJsonAsync($"/api/activities/{detail.Activity.Id}/signups", new { memberId = m })));

        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(20, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var (rows, signedUp) = await factory.WithDbAsync(async db => (
            await db.ActivitySignups.CountAsync(s => s.ActivityId == detail.Activity.Id),
            await db.VolunteerActivities.Where(a => a.Id == detail.Activity.Id).Select(a => a.SignedUp).SingleAsync()));
        Assert.Equal((10, 10), (rows, signedUp));
    }

    [Fact]
    public async Task SignUp_SameMemberTwice_SecondConflicts()
    {
        var (client, detail) = await PublishedAsync(5, "重复报名");
        var member = (await factory.MembersAsync("sq06"))[4];

        var first = await client.PostAsJsonAsync($"/api/activities/{detail.Activity.Id}/signups", new { memberId = member });
        var second = await client.PostAsJsonAsync($"/api/activities/{detail.Activity.Id}/signups", new { memberId = member });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict), (first.StatusCode, second.StatusCode));
        Assert.Equal(1, await factory.WithDbAsync(db => db.VolunteerActivities.Where(a => a.Id == detail.Activity.Id).Select(a => a.SignedUp).SingleAsync()));
    }

    [Fact]
    public async Task Confirm_TwiceAndConcurrently_OneAwardPerMemberWithTheHours()
    {
        var (client, detail) = await PublishedAsync(5, "确认幂等");
        var members = (await factory.MembersAsync("sq06"))[0..3];
        foreach (var m in members)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/activities/{detail.Activity.Id}/signups", new { memberId = m })).StatusCode);
        }
        var signups = (await client.GetFromJsonAsync<ActivityDetailRow>($"/api/activities/{detail.Activity.Id}"))!.Signups;
        var hours = signups.Select(s => new { signupId = s.Id, hours = 2.5m }).ToArray();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            client.PostAsJsonAsync($"/api/activities/{detail.Activity.Id}/confirm", new { hours })));
        var again = await client.PostAsJsonAsync($"/api/activities/{detail.Activity.Id}/confirm", new { });

        Assert.All(responses.Append(again), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var keys = members.Select(m => VolunteerActivity.SourceKeyOf(detail.Activity.Id, m)).ToList();
        var entries = await factory.WithDbAsync(db => db.LedgerEntries.AsNoTracking().Where(e => keys.Contains(e.SourceKey!)).ToListAsync());
        Assert.Equal(members.Order(), entries.Select(e => e.MemberId).Order());
        Assert.All(entries, e => Assert.Equal((RuleCodes.VolunteerHour, 2.5m, 2.5m), (e.RuleCode, e.Quantity, e.Granted)));
        var records = await factory.WithDbAsync(db => db.ServiceRecords.AsNoTracking().Where(r => r.ActivityId == detail.Activity.Id).ToListAsync());
        Assert.Equal(3, records.Count);
        Assert.All(records, r => Assert.Equal(5, r.HalfHours));
        var read = (await responses[0].Content.ReadFromJsonAsync<ConfirmRow>())!.Detail;
        Assert.Equal("Confirmed", read.Activity.Status);
        Assert.All(read.Signups, s => Assert.Equal((2.5m, "Pending"), (s.Hours, s.EntryStatus)));
    }

    [Fact]
    public async Task Desk_CheckInAndOutByPhone_FirstCheckOutKeptAndHoursFromTimes()
    {
        var (client, detail) = await PublishedAsync(5, "扫码签到");
        var ids = (await factory.MembersAsync("sq06"))[5..];
        var found = await factory.WithDbAsync(db => db.Members.Where(m => ids.Contains(m.Id) && m.Phone != null)
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.Phone }).FirstAsync());
        var (member, phone) = (found.Id, found.Phone!);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/activities/{detail.Activity.Id}/signups", new { memberId = member })).StatusCode);

        using var scope = factory.Services.CreateScope();
        var desk = scope.ServiceProvider.GetRequiredService<CheckInDesk>();
        var caller = new CheckInDesk.Caller(null, null, " " + phone[..3] + "-" + phone[3..]);
        var checkedIn = await desk.CheckInAsync(detail.Activity.Secret, caller, default);
        var firstOut = await desk.CheckOutAsync(detail.Activity.Secret, caller, default);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var secondOut = await desk.CheckOutAsync(detail.Activity.Secret, caller, default);
        var stranger = await desk.CheckInAsync(detail.Activity.Secret, new CheckInDesk.Caller(null, null, "19999999999"), default);

        Assert.True(checkedIn.IsSuccess && firstOut.IsSuccess && secondOut.IsSuccess);
        Assert.Equal(firstOut.Value!.CheckedOutAt, secondOut.Value!.CheckedOutAt);
        Assert.Equal(0m, secondOut.Value.Hours);
        Assert.Equal(404, stranger.Error!.Status);
        Assert.Equal("Volunteering.NotSignedUp", stranger.Error.Code);
    }

    private static async Task<HttpResponseMessage> PostDeskAsync(HttpClient phone, string secret, string page, string step, string number, string name) =>
        await phone.PostAsync($"/v/{secret}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "desk",
            ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value,
            [Jishi.Web.Shared.FormOnce.Field] = OnceField().Match(page).Groups[1].Value,
            ["phone"] = number,
            ["name"] = name,
            ["step"] = step,
        }));

    [Fact]
    public async Task DeskPage_EachFormPostedTwice_SeeOtherToTheOutcomeOneSignupOneCheckInNoNumberInTheAddress()
    {
        var (_, detail) = await PublishedAsync(5, "扫码签到：重复提交");
        var secret = detail.Activity.Secret;
        var ids = (await factory.MembersAsync("sq06"))[5..];
        var member = await factory.WithDbAsync(db => db.Members.Where(m => ids.Contains(m.Id) && m.Phone != null)
            .OrderBy(m => m.Id).Select(m => new { m.Name, Phone = m.Phone! }).FirstAsync());
        var phone = factory.CreateClient(new() { AllowAutoRedirect = false });

        var form = await phone.GetStringAsync($"/v/{secret}");
        using var signedUp = await PostDeskAsync(phone, secret, form, "signup", member.Phone, member.Name);
        using var signedUpAgain = await PostDeskAsync(phone, secret, form, "signup", member.Phone, member.Name);
        var afterSignUp = await phone.GetStringAsync(signedUp.Headers.Location);
        using var checkedIn = await PostDeskAsync(phone, secret, afterSignUp, "checkin", member.Phone, "");
        var signup = await factory.WithDbAsync(db => db.ActivitySignups.SingleAsync(s => s.ActivityId == detail.Activity.Id));
        using var checkedInAgain = await PostDeskAsync(phone, secret, afterSignUp, "checkin", member.Phone, "");
        var outcome = await phone.GetStringAsync(checkedIn.Headers.Location);

        Assert.All([signedUp, signedUpAgain, checkedIn, checkedInAgain], r => Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode));
        Assert.All([signedUp, signedUpAgain, checkedIn, checkedInAgain], r =>
            Assert.EndsWith($"/v/{secret}?done=true", r.Headers.Location!.OriginalString));
        Assert.Contains("报名成功", afterSignUp);
        Assert.Contains("签到成功", outcome);
        Assert.Contains(member.Name, outcome);
        Assert.NotNull(signup.CheckedInAt);
        var after = await factory.WithDbAsync(db => db.ActivitySignups.Where(s => s.ActivityId == detail.Activity.Id).ToListAsync());
        Assert.Equal(signup.CheckedInAt, Assert.Single(after).CheckedInAt);
        Assert.Equal(1, await factory.WithDbAsync(db => db.VolunteerActivities.Where(a => a.Id == detail.Activity.Id).Select(a => a.SignedUp).SingleAsync()));
        var stranger = await factory.CreateClient().GetStringAsync($"/v/{secret}?done=true");
        Assert.DoesNotContain("desk-message", stranger);
        Assert.DoesNotContain(member.Phone, stranger);
    }

    [Fact]
    public async Task Certificate_BeforePostingEnds_RefusedThenIssuedAfter()
    {
        var (client, detail) = await PublishedAsync(5, "证明公示");
        var member = (await factory.MembersAsync("sq06"))[3];
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/activities/{detail.Activity.Id}/signups", new { memberId = member })).StatusCode);
        var signup = (await client.GetFromJsonAsync<ActivityDetailRow>($"/api/activities/{detail.Activity.Id}"))!.Signups.Single();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/activities/{detail.Activity.Id}/confirm",
            new { hours = new[] { new { signupId = signup.Id, hours = 3m } } })).StatusCode);
        var year = factory.Clock.ServerToday().Year;

        var early = await client.GetAsync($"/api/members/{member}/volunteer-certificate?year={year}");
        await factory.WithDbAsync(db => db.VolunteerActivities.Where(a => a.Id == detail.Activity.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ConfirmedAt, factory.Clock.GetUtcNow().UtcDateTime.AddDays(-8))));
        var later = await client.GetAsync($"/api/members/{member}/volunteer-certificate?year={year}");

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        var certificate = (await later.Content.ReadFromJsonAsync<CertificateRow>())!;
        Assert.Equal((3m, ServiceHours.NumberOf(PersonKind.Member, member, year)), (certificate.Hours, certificate.Number));
        Assert.Equal("ResidentId", certificate.IdType);
        Assert.Contains("*", certificate.IdNumber);
        var hours = await client.GetFromJsonAsync<HoursRow>($"/api/members/{member}/volunteer-hours?year={year}");
        Assert.Equal(3m, hours!.Hours);
    }

    [Fact]
    public async Task Activity_OtherCommunitysSecretary_NotFound()
    {
        var (_, detail) = await PublishedAsync(5, "范围");
        var other = await factory.ClientForAsync("sq07");

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/activities/{detail.Activity.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/activities/{detail.Activity.Id}/confirm", new { })).StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("name=\"once\" value=\"([^\"]+)\"")]
    private static partial Regex OnceField();
}
