using System.Linq.Expressions;
using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jishi.Web.Features.Volunteering;

/// <summary>The 志愿服务 activities of the caller's subtree as the organizer reads them: the list, one activity with its
/// sign-ups (phones masked unless the caller sees sensitive data) and the ledger entries its confirmation
/// posted.</summary>
public sealed class ActivityQueries(JishiDbContext db, CurrentUser user, TimeProvider clock,
    IOptions<VolunteeringOptions> options)
{
    public sealed record ListRequest(int? UnitId = null, int? Year = null, ActivityStatus? Status = null);

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
        return await query.OrderByDescending(a => a.StartsAt).ThenByDescending(a => a.Id).Select(Projection())
            .ToListAsync(ct);
    }

    public async Task<Result<ActivityDetail>> GetAsync(int id, CancellationToken ct) =>
        await FindAsync(id, ct) is null ? Error.NotFound("Entity.Activity") : await DetailAsync(id, ct);

    /// <summary>The tracked activity when it belongs to the caller's subtree, for the handlers that change
    /// it.</summary>
    public async Task<VolunteerActivity?> FindAsync(int id, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        return await db.VolunteerActivities
            .FirstOrDefaultAsync(a => a.Id == id && db.Units.Within(scope).Any(u => u.Id == a.UnitId), ct);
    }

    public async Task<ActivityDetail> DetailAsync(int id, CancellationToken ct)
    {
        var activity
            = await db.VolunteerActivities.AsNoTracking().Where(a => a.Id == id).Select(Projection()).FirstAsync(ct);
        var entity = await db.VolunteerActivities.AsNoTracking().FirstAsync(a => a.Id == id, ct);
        var rows = await db.ActivitySignups.AsNoTracking().Where(s => s.ActivityId == id)
            .OrderBy(s => s.SignedUpAt).ThenBy(s => s.Id)
            .Select(s => new
            {
                Signup = s,
                Member = db.Members.Where(m => m.Id == s.MemberId).Select(m => new { m.Name,
                    m.Phone }).FirstOrDefault(),
                Volunteer = db.Volunteers.Where(v => v.Id == s.VolunteerId).Select(v => new { v.Name, v.Phone })
                    .FirstOrDefault(),
                Record = db.ServiceRecords.Where(r => r.ActivityId == id
                        && (r.MemberId == s.MemberId && s.MemberId != null
                            || r.VolunteerId == s.VolunteerId && s.VolunteerId != null))
                    .Select(r => (int?)r.HalfHours).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var keys = rows.Where(r => r.Signup.MemberId != null)
            .Select(r => VolunteerActivity.SourceKeyOf(id, r.Signup.MemberId!.Value)).ToList();
        var entries = keys.Count == 0 ? []
            : await db.LedgerEntries.AsNoTracking().Where(e => keys.Contains(e.SourceKey!))
            .Select(e => new { e.SourceKey, e.Id, e.Status, e.Granted }).ToDictionaryAsync(e => e.SourceKey!, ct);
        var clear = user.SeesSensitiveData;
        var signups = rows.Select(r =>
        {
            var s = r.Signup;
            var (kind, personId, name, phone) = s.MemberId is { } m ? (PersonKind.Member, m, r.Member!.Name,
                r.Member.Phone)
                : (PersonKind.Volunteer, s.VolunteerId!.Value, r.Volunteer!.Name, r.Volunteer.Phone);
            var halfHours = entity.Status == ActivityStatus.Confirmed ? r.Record ?? 0 : s.HalfHours(entity);
            var dto = new SignupDto(s.Id, kind, personId, name, clear ? phone : Masking.Phone(phone), s.SignedUpAt,
                s.CheckedInAt, s.CheckedOutAt, halfHours / 2m, s.SetHalfHours is not null);
            return s.MemberId is { } memberId && entries.GetValueOrDefault(VolunteerActivity.SourceKeyOf(id,
                memberId)) is { } e
                ? dto with { EntryId = e.Id, EntryStatus = e.Status, EntryPoints = e.Granted } : dto;
        }).ToList();
        return new ActivityDetail(activity, signups);
    }

    private Expression<Func<VolunteerActivity, ActivityDto>> Projection()
    {
        var days = options.Value.PostingDays;
        return a => new ActivityDto(a.Id, a.UnitId, db.Units.Where(u => u.Id == a.UnitId).Select(u => u.Name).First(),
            a.VenueId, db.Venues.Where(v => v.Id == a.VenueId).Select(v => v.Name).FirstOrDefault(), a.Title, a.Content,
            a.Contact, a.StartsAt, a.EndsAt, a.Capacity, a.SignedUp, a.Status, a.Secret, a.CreatedBy, a.CreatedAt,
            a.ConfirmedBy, a.ConfirmedAt, a.ConfirmedAt == null ? null : a.ConfirmedAt.Value.AddDays(days));
    }
}
