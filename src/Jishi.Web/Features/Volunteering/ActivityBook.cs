using System.Linq.Expressions;
using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Points;
using Jishi.Web.Features.Points.Pages;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Jishi.Web.Features.Volunteering;

/// <summary>志愿服务 activities of the caller's subtree: publish, sign people up, roll call, and confirm the hours, which writes
/// the service records and posts each member's 志愿服务 points once through <see cref="PointsLedger"/> under the key
/// "activity:{id}:member:{memberId}".</summary>
public sealed class ActivityBook(JishiDbContext db, CurrentUser user, TimeProvider clock, Places places, VenueBook venues,
    PointsLedger ledger, IOptions<VolunteeringOptions> options, IStringLocalizer<SharedResource> text)
{
    public sealed record SaveRequest(int UnitId, int? VenueId, string? Title, string? Content, string? Contact, DateTimeOffset? StartsAt,
        DateTimeOffset? EndsAt, int? Capacity);

    public sealed record ListRequest(int? UnitId = null, int? Year = null, ActivityStatus? Status = null);

    public sealed record SignupRequest(int? MemberId, int? VolunteerId);

    public sealed record HoursRequest(decimal? Hours);

    public sealed record SignupHours(int SignupId, decimal Hours);

    /// <summary>The organizer's corrections, applied before the first confirmation; hours are fixed once confirmed.</summary>
    public sealed record ConfirmRequest(IReadOnlyList<SignupHours>? Hours);

    public async Task<Result<IReadOnlyList<ActivityDto>>> ListAsync(ListRequest request, CancellationToken ct)
    {
        if (await db.ScopeOfAsync(user, request.UnitId, ct) is not { } scope)
        {
            return Error.NotFound("Entity.Unit");
        }
        var query = db.VolunteerActivities.AsNoTracking().Where(a => db.Units.Within(scope).Any(u => u.Id == a.UnitId));
        if (request.Year is { } year)
        {
            var (from, to) = (clock.ToUtc(new DateTime(year, 1, 1)), clock.ToUtc(new DateTime(year + 1, 1, 1)));
            query = query.Where(a => a.StartsAt >= from && a.StartsAt < to);
        }
        if (request.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }
        return await query.OrderByDescending(a => a.StartsAt).ThenByDescending(a => a.Id).Select(Projection()).ToListAsync(ct);
    }

    public async Task<Result<ActivityDetail>> GetAsync(int id, CancellationToken ct) =>
        await FindAsync(id, ct) is null ? Error.NotFound("Entity.Activity") : await DetailAsync(id, ct);

    public async Task<Result<ActivityDetail>> CreateAsync(SaveRequest request, CancellationToken ct)
    {
        if (await db.FindVisibleUnitAsync(user, request.UnitId, ct) is not { } unit)
        {
            return Error.NotFound("Entity.Unit");
        }
        if (await ValidateAsync(request, unit.Path, 0, ct) is { } invalid)
        {
            return invalid;
        }
        var activity = new VolunteerActivity(unit.Id, request.VenueId, request.Title!.Trim(), request.Content!.Trim(), request.Contact!.Trim(),
            request.StartsAt!.Value.UtcDateTime, request.EndsAt!.Value.UtcDateTime, request.Capacity!.Value, By, Now);
        db.VolunteerActivities.Add(activity);
        await db.SaveChangesAsync(ct);
        return await DetailAsync(activity.Id, ct);
    }

    public async Task<Result<ActivityDetail>> UpdateAsync(int id, SaveRequest request, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } activity)
        {
            return Error.NotFound("Entity.Activity");
        }
        if (activity.WhyNotEditable() is { } why)
        {
            return Error.Conflict(why);
        }
        var path = await db.Units.Where(u => u.Id == activity.UnitId).Select(u => u.Path).FirstAsync(ct);
        if (await ValidateAsync(request, path, activity.SignedUp, ct) is { } invalid)
        {
            return invalid;
        }
        activity.Change(request.VenueId, request.Title!.Trim(), request.Content!.Trim(), request.Contact!.Trim(),
            request.StartsAt!.Value.UtcDateTime, request.EndsAt!.Value.UtcDateTime, request.Capacity!.Value);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A sign-up took a place meanwhile, under a capacity that would now be exceeded (the check constraint refused).
            db.ChangeTracker.Clear();
            return Error.Conflict("Volunteering.CapacityBelowSignedUp");
        }
        return await DetailAsync(id, ct);
    }

    public async Task<Result<ActivityDetail>> CancelAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } activity)
        {
            return Error.NotFound("Entity.Activity");
        }
        if (activity.WhyNotEditable() is { } why)
        {
            return Error.Conflict(why);
        }
        activity.Cancel();
        await db.SaveChangesAsync(ct);
        return await DetailAsync(id, ct);
    }

    /// <summary>Signs up a member or resident volunteer of the caller's subtree; 409 when full or already signed up.</summary>
    public async Task<Result<ActivityDetail>> SignUpAsync(int id, SignupRequest request, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } activity)
        {
            return Error.NotFound("Entity.Activity");
        }
        var scope = await user.ScopePathAsync(ct);
        ActivitySignup signup;
        if (request.MemberId is { } memberId && request.VolunteerId is null)
        {
            if (!await db.Members.Within(scope).AnyAsync(m => m.Id == memberId, ct))
            {
                return Error.NotFound("Entity.Member");
            }
            signup = ActivitySignup.ForMember(id, memberId, Now);
        }
        else if (request.VolunteerId is { } volunteerId && request.MemberId is null)
        {
            if (!await db.Volunteers.AnyAsync(v => v.Id == volunteerId && db.Units.Within(scope).Any(u => u.Id == v.UnitId), ct))
            {
                return Error.NotFound("Entity.Volunteer");
            }
            signup = ActivitySignup.ForVolunteer(id, volunteerId, Now);
        }
        else
        {
            return new ValidationError([new("memberId", "Volunteering.OnePerson")]);
        }
        if (activity.WhyNotSignUp(Now) is { } why)
        {
            return Error.Conflict(why);
        }
        var taken = await places.TakeAsync(signup, ct);
        return taken.IsSuccess ? await DetailAsync(id, ct) : taken.Error!;
    }

    public async Task<Result<ActivityDetail>> WithdrawAsync(int id, int signupId, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } activity)
        {
            return Error.NotFound("Entity.Activity");
        }
        if (activity.WhyNotEditable() is { } why)
        {
            return Error.Conflict(why);
        }
        var given = await places.GiveBackAsync(id, signupId, ct);
        return given.IsSuccess ? await DetailAsync(id, ct) : given.Error!;
    }

    /// <summary>The roll call's check-in (now); a second one changes nothing.</summary>
    public Task<Result<ActivityDetail>> CheckInAsync(int id, int signupId, CancellationToken ct) =>
        RollCallAsync(id, signupId, (a, s) => a.CheckIn(s, Now), ct);

    /// <summary>The roll call's check-out (now); the first check-out counts.</summary>
    public Task<Result<ActivityDetail>> CheckOutAsync(int id, int signupId, CancellationToken ct) =>
        RollCallAsync(id, signupId, (a, s) => a.CheckOut(s, Now), ct);

    /// <summary>The organizer's own figure of one person's hours (0 to 24 in half hours), before confirmation.</summary>
    public async Task<Result<ActivityDetail>> SetHoursAsync(int id, int signupId, HoursRequest request, CancellationToken ct)
    {
        if (request.Hours is not { } hours || !VolunteerHours.IsValid(hours))
        {
            return new ValidationError([new("hours", "Volunteering.HoursInvalid")]);
        }
        return await RollCallAsync(id, signupId, (a, s) =>
        {
            if (a.Status != ActivityStatus.Published)
            {
                return "Volunteering.AlreadyConfirmed";
            }
            s.SetHours(hours);
            return null;
        }, ct);
    }

    /// <summary>Confirms the hours: the first confirmation writes one <see cref="ServiceRecord"/> per person with hours and
    /// fixes them; every confirmation (a repeat, a concurrent one, a retry after a failure) then posts each member's award
    /// with the activity's source key, which the ledger turns into exactly one entry per member.</summary>
    public async Task<Result<ConfirmOutcome>> ConfirmAsync(int id, ConfirmRequest request, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is null)
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
            var activity = await db.VolunteerActivities.FirstAsync(a => a.Id == id, ct);
            if (activity.WhyNotConfirmable(Now) is { } why)
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
            activity.Confirm(By, Now);
            var year = clock.ToLocal(activity.StartsAt).Year;
            db.ServiceRecords.AddRange(signups.Select(s => (Signup: s, HalfHours: s.HalfHours(activity))).Where(x => x.HalfHours > 0)
                .Select(x => new ServiceRecord(activity, x.Signup, x.HalfHours, year, Now)));
            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateException e) when (attempt < 3 && (e is DbUpdateConcurrencyException || UniqueViolation.Is(e)))
            {
                // Another confirmation won; read the activity again, now confirmed, and go on to the awards.
                db.ChangeTracker.Clear();
            }
        }
        var notAwarded = await AwardAsync(id, ct);
        return new ConfirmOutcome(await DetailAsync(id, ct), notAwarded);
    }

    private async Task<List<NotAwarded>> AwardAsync(int id, CancellationToken ct)
    {
        var activity = await db.VolunteerActivities.AsNoTracking().FirstAsync(a => a.Id == id, ct);
        var records = await db.ServiceRecords.AsNoTracking().Where(r => r.ActivityId == id && r.MemberId != null)
            .Select(r => new { MemberId = r.MemberId!.Value, r.HalfHours, Name = db.Members.Where(m => m.Id == r.MemberId).Select(m => m.Name).First() })
            .ToListAsync(ct);
        var on = DateOnly.FromDateTime(clock.ToLocal(activity.StartsAt));
        var note = text["Volunteering.AwardNote", activity.Title].Value;
        var skipped = new List<NotAwarded>();
        foreach (var record in records)
        {
            var award = await ledger.AwardAsync(new PointsLedger.AwardRequest(record.MemberId, RuleCodes.VolunteerHour, record.HalfHours / 2m, on,
                note, VolunteerActivity.SourceKeyOf(id, record.MemberId)), ct);
            if (award.Error is { } error)
            {
                skipped.Add(new(record.MemberId, record.Name, PointsMessages.Of(text, error)));
            }
        }
        return skipped;
    }

    private async Task<Result<ActivityDetail>> RollCallAsync(int id, int signupId, Func<VolunteerActivity, ActivitySignup, string?> change, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } activity)
        {
            return Error.NotFound("Entity.Activity");
        }
        if (await db.ActivitySignups.FirstOrDefaultAsync(s => s.Id == signupId && s.ActivityId == id, ct) is not { } signup)
        {
            return Error.NotFound("Entity.Signup");
        }
        if (change(activity, signup) is { } why)
        {
            return Error.Conflict(why);
        }
        await db.SaveChangesAsync(ct);
        return await DetailAsync(id, ct);
    }

    private async Task<VolunteerActivity?> FindAsync(int id, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        return await db.VolunteerActivities.FirstOrDefaultAsync(a => a.Id == id && db.Units.Within(scope).Any(u => u.Id == a.UnitId), ct);
    }

    public async Task<ActivityDetail> DetailAsync(int id, CancellationToken ct)
    {
        var activity = await db.VolunteerActivities.AsNoTracking().Where(a => a.Id == id).Select(Projection()).FirstAsync(ct);
        var entity = await db.VolunteerActivities.AsNoTracking().FirstAsync(a => a.Id == id, ct);
        var rows = await db.ActivitySignups.AsNoTracking().Where(s => s.ActivityId == id).OrderBy(s => s.SignedUpAt).ThenBy(s => s.Id)
            .Select(s => new
            {
                Signup = s,
                Member = db.Members.Where(m => m.Id == s.MemberId).Select(m => new { m.Name, m.Phone }).FirstOrDefault(),
                Volunteer = db.Volunteers.Where(v => v.Id == s.VolunteerId).Select(v => new { v.Name, v.Phone }).FirstOrDefault(),
                Record = db.ServiceRecords.Where(r => r.ActivityId == id && (r.MemberId == s.MemberId && s.MemberId != null || r.VolunteerId == s.VolunteerId && s.VolunteerId != null))
                    .Select(r => (int?)r.HalfHours).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var keys = rows.Where(r => r.Signup.MemberId != null).Select(r => VolunteerActivity.SourceKeyOf(id, r.Signup.MemberId!.Value)).ToList();
        var entries = keys.Count == 0 ? [] : await db.LedgerEntries.AsNoTracking().Where(e => keys.Contains(e.SourceKey!))
            .Select(e => new { e.SourceKey, e.Id, e.Status, e.Granted }).ToDictionaryAsync(e => e.SourceKey!, ct);
        var clear = user.SeesSensitiveData;
        var signups = rows.Select(r =>
        {
            var s = r.Signup;
            var (kind, personId, name, phone) = s.MemberId is { } m ? (PersonKind.Member, m, r.Member!.Name, r.Member.Phone)
                : (PersonKind.Volunteer, s.VolunteerId!.Value, r.Volunteer!.Name, r.Volunteer.Phone);
            var halfHours = entity.Status == ActivityStatus.Confirmed ? r.Record ?? 0 : s.HalfHours(entity);
            var dto = new SignupDto(s.Id, kind, personId, name, clear ? phone : Masking.Phone(phone), s.SignedUpAt, s.CheckedInAt,
                s.CheckedOutAt, halfHours / 2m, s.SetHalfHours is not null);
            return s.MemberId is { } memberId && entries.GetValueOrDefault(VolunteerActivity.SourceKeyOf(id, memberId)) is { } e
                ? dto with { EntryId = e.Id, EntryStatus = e.Status, EntryPoints = e.Granted } : dto;
        }).ToList();
        return new ActivityDetail(activity, signups);
    }

    private Expression<Func<VolunteerActivity, ActivityDto>> Projection()
    {
        var days = options.Value.PostingDays;
        return a => new ActivityDto(a.Id, a.UnitId, db.Units.Where(u => u.Id == a.UnitId).Select(u => u.Name).First(), a.VenueId,
            db.Venues.Where(v => v.Id == a.VenueId).Select(v => v.Name).FirstOrDefault(), a.Title, a.Content, a.Contact, a.StartsAt, a.EndsAt,
            a.Capacity, a.SignedUp, a.Status, a.Secret, a.CreatedBy, a.CreatedAt, a.ConfirmedBy, a.ConfirmedAt,
            a.ConfirmedAt == null ? null : a.ConfirmedAt.Value.AddDays(days));
    }

    private async Task<ValidationError?> ValidateAsync(SaveRequest r, string unitPath, int signedUp, CancellationToken ct)
    {
        var problems = new List<FieldProblem>();
        Texts.Require(problems, "title", r.Title, VolunteerActivity.MaxTitle);
        Texts.Require(problems, "content", r.Content, VolunteerActivity.MaxContent);
        Texts.Require(problems, "contact", r.Contact, VolunteerActivity.MaxContact);
        if (r.StartsAt is null || r.EndsAt is null || r.EndsAt <= r.StartsAt || r.EndsAt - r.StartsAt > TimeSpan.FromHours(24))
        {
            problems.Add(new("endsAt", "Volunteering.TimeInvalid"));
        }
        if (r.Capacity is not { } capacity || capacity < 1 || capacity > VolunteerActivity.MaxCapacity)
        {
            problems.Add(new("capacity", "Volunteering.CapacityRange", VolunteerActivity.MaxCapacity));
        }
        else if (capacity < signedUp)
        {
            problems.Add(new("capacity", "Volunteering.CapacityBelowSignedUp", signedUp));
        }
        if (r.VenueId is { } venueId && !await venues.UsableAsync(venueId, unitPath, ct))
        {
            problems.Add(new("venueId", "Volunteering.VenueUnknown"));
        }
        return problems.Count > 0 ? new ValidationError(problems) : null;
    }

    private string By => user.UserName ?? "system";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;


}
