using Jishi.Web.Data;
using Jishi.Web.Features.Points;
using Jishi.Web.Features.Points.Pages;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Volunteering;

/// <summary>Confirms the hours: the first confirmation writes one <see cref="ServiceRecord"/> per person with hours and
/// fixes them; every confirmation (a repeat, a concurrent one, a retry after a failure) then posts each member's 志愿服务
/// points through <see cref="PointsLedger"/> under the key "activity:{id}:member:{memberId}", which the ledger turns
/// into
/// exactly one entry per member.</summary>
public sealed class ConfirmHours(JishiDbContext db, CurrentUser user, TimeProvider clock, ActivityQueries queries,
    PointsLedger ledger, IStringLocalizer<SharedResource> text)
{
    public sealed record SignupHours(int SignupId, decimal Hours);

    /// <summary>The organizer's corrections, applied before the first confirmation; hours are fixed once
    /// confirmed.</summary>
    public sealed record Request(IReadOnlyList<SignupHours>? Hours);

    public async Task<Result<ConfirmOutcome>> HandleAsync(int id, Request request, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is null)
        {
            return Error.NotFound("Entity.Activity");
        }
        var corrections = request.Hours ?? [];
        if (corrections.Any(h => !VolunteerHours.IsValid(h.Hours)))
        {
            return new ValidationError([new("hours", "Volunteering.HoursInvalid")]);
        }
        for (var attempt = 0; ; attempt++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var activity = await db.VolunteerActivities.FirstAsync(a => a.Id == id, ct);
            if (activity.WhyNotConfirmable(now) is { } why)
            {
                return Error.Conflict(why);
            }
            if (activity.Status == ActivityStatus.Confirmed)
            {
                break;
            }
            var signups = await db.ActivitySignups.Where(s => s.ActivityId == id).ToListAsync(ct);
            foreach (var correction in corrections)
            {
                if (signups.FirstOrDefault(s => s.Id == correction.SignupId) is not { } signup)
                {
                    return Error.NotFound("Entity.Signup");
                }
                signup.SetHours(correction.Hours);
            }
            activity.Confirm(user.UserName ?? "system", now);
            db.ServiceRecords.AddRange(activity.ServiceRecordsOf(signups, clock.ToLocal(activity.StartsAt).Year, now));
            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateException e) when (attempt < 3 && (e is DbUpdateConcurrencyException
                || UniqueViolation.Is(e)))
            {
                // Another confirmation won; read the activity again, now confirmed, and go on to the awards.
                db.ChangeTracker.Clear();
            }
        }
        var notAwarded = await AwardAsync(id, ct);
        return new ConfirmOutcome(await queries.DetailAsync(id, ct), notAwarded);
    }

    private async Task<List<NotAwarded>> AwardAsync(int id, CancellationToken ct)
    {
        var activity = await db.VolunteerActivities.AsNoTracking().FirstAsync(a => a.Id == id, ct);
        var records = await db.ServiceRecords.AsNoTracking().Where(r => r.ActivityId == id && r.MemberId != null)
            .Select(r => new
            {
                MemberId = r.MemberId!.Value,
                r.HalfHours,
                Name = db.Members.Where(m => m.Id == r.MemberId).Select(m => m.Name).First(),
            })
            .ToListAsync(ct);
        var on = DateOnly.FromDateTime(clock.ToLocal(activity.StartsAt));
        var note = text["Volunteering.AwardNote", activity.Title].Value;
        var skipped = new List<NotAwarded>();
        foreach (var record in records)
        {
            var award = await ledger.AwardAsync(new PointsLedger.AwardRequest(record.MemberId, RuleCodes.VolunteerHour,
                record.HalfHours / 2m, on, note, VolunteerActivity.SourceKeyOf(id, record.MemberId)), ct);
            if (award.Error is { } error)
            {
                skipped.Add(new(record.MemberId, record.Name, text.Describe(error)));
            }
        }
        return skipped;
    }
}
