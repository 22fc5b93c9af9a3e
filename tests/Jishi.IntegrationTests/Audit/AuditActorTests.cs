using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.IntegrationTests.Points;
using Jishi.IntegrationTests.Wishes;
using Jishi.Web.Data;
using Jishi.Web.Features.Audit;
using Jishi.Web.Features.Wishes;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jishi.IntegrationTests.Audit;

/// <summary>Audit entries written under an explicit actor (<see cref="AuditActor.Act"/>) name that actor, and the current
/// user is who they were before and after.</summary>
[Collection(ApiCollection.Name)]
public sealed class AuditActorTests(JishiFactory factory)
{
    private const string Secretary = "sq07";

    [Fact]
    public async Task Act_SaveInside_EntryNamesActorAndCurrentUserUnchanged()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var (db, user, audit) = (scope.ServiceProvider.GetRequiredService<JishiDbContext>(), scope.ServiceProvider.GetRequiredService<CurrentUser>(),
            scope.ServiceProvider.GetRequiredService<AuditActor>());
        user.SetCommandLine();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var community = await factory.CommunityOfAsync(Secretary);
        var code = Guid.NewGuid().ToString("N")[..Wish.CodeLength].ToUpperInvariant();
        var wish = new Wish(community.Id, "审计人", "13900000007", "审计：以明确的行为人写入", code, null, now);

        using (audit.Act(Wish.ResidentActor))
        {
            db.Wishes.Add(wish);
            await db.SaveChangesAsync();
            Assert.Equal(CurrentUser.CommandLineUser, user.UserName);
        }
        wish.Publish(CurrentUser.CommandLineUser, now);
        await db.SaveChangesAsync();

        var key = wish.Id.ToString(CultureInfo.InvariantCulture);
        var entries = await factory.WithDbAsync(d => d.AuditEntries.Where(a => a.Entity == nameof(Wish) && a.Key == key).OrderBy(a => a.Id)
            .Select(a => new { a.Action, a.UserName }).ToListAsync());
        Assert.Equal([("Added", Wish.ResidentActor), ("Modified", CurrentUser.CommandLineUser)], entries.Select(e => (e.Action, e.UserName)));
        Assert.Equal((CurrentUser.CommandLineUser, CurrentUser.CommandLineUser), (user.UserName, audit.Name));
    }

    [Fact]
    public async Task ConfirmByCode_SignedInStaff_WishAwardAndAuditNameResident()
    {
        var community = await factory.CommunityOfAsync(Secretary);
        var staff = await factory.ClientForAsync(Secretary);
        var submitted = await factory.CreateClient().PostAsJsonAsync("/api/wishes/public",
            new { unitId = community.Id, name = "李桂兰", phone = "13912340007", text = "审计：想请人帮忙换灯泡" });
        var wish = (await submitted.Content.ReadFromJsonAsync<SubmittedRow>())!;
        var memberId = (await factory.MembersAsync(Secretary, "在职"))[^1];
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/wishes/{wish.Id}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/wishes/{wish.Id}/claim", new { memberId })).StatusCode);
        using (var form = new MultipartFormDataContent { { new StringContent("已更换灯泡"), "note" } })
        {
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/wishes/{wish.Id}/fulfil", form)).StatusCode);
        }

        // The staff member's own session confirms through the resident's code: the resident acts, not the staff member.
        var confirmed = await staff.PostAsJsonAsync($"/api/wishes/track/{wish.TrackingCode}/confirm", new { rating = 5 });

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var (entryId, recordedBy, confirmedBy) = await factory.WithDbAsync(async db =>
        {
            var entry = await db.LedgerEntries.AsNoTracking().SingleAsync(e => e.SourceKey == Wish.SourceKeyOf(wish.Id));
            return (entry.Id, entry.RecordedBy, await db.Wishes.Where(w => w.Id == wish.Id).Select(w => w.ConfirmedBy).SingleAsync());
        });
        Assert.Equal((Wish.ResidentActor, Wish.ResidentActor), (recordedBy, confirmedBy));
        var (wishKey, entryKey) = (wish.Id.ToString(CultureInfo.InvariantCulture), entryId.ToString(CultureInfo.InvariantCulture));
        var audited = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => (a.Entity == nameof(Wish) && a.Key == wishKey) || (a.Entity == "LedgerEntry" && a.Key == entryKey))
            .OrderBy(a => a.Id).Select(a => new { a.Entity, a.UserName }).ToListAsync());
        Assert.Equal(Wish.ResidentActor, audited.Last(a => a.Entity == nameof(Wish)).UserName);
        Assert.Equal(Wish.ResidentActor, audited.Single(a => a.Entity == "LedgerEntry").UserName);
        Assert.Contains(audited, a => a.Entity == nameof(Wish) && a.UserName == Secretary);
    }
}
