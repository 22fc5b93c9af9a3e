using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jishi.Web.Features.Volunteering;

public sealed record VenueDto(int Id, int UnitId, string UnitName, string Name, string Type, string Address,
    string OpeningHours, bool IsClosed);

/// <summary>One activity as the public venue page shows it: no contact beyond what the organizer published.</summary>
public sealed record WeekActivity(int Id, string Title, DateTime StartsAt, DateTime EndsAt, int Capacity, int SignedUp,
    string Contact, string Secret);

public sealed record WeekVenue(VenueDto Venue, IReadOnlyList<WeekActivity> Activities);

/// <summary>Service venues as read: those of the caller's subtree and, seen by everyone in it (who may hold activities
/// there), the venues of the units above, such as the street's 便民服务中心.</summary>
public sealed class VenueQueries(JishiDbContext db, CurrentUser user, IOptions<VolunteeringOptions> options)
{
    public IReadOnlyList<string> Types => options.Value.Types;

    public async Task<Result<IReadOnlyList<VenueDto>>> ListAsync(int? unitId, CancellationToken ct)
    {
        if (await db.ScopeOfAsync(user, unitId, ct) is not { } scope)
        {
            return Error.NotFound("Entity.Unit");
        }
        return await InOrAbove(scope).OrderBy(v => v.UnitId).ThenBy(v => v.Id).Select(Projection()).ToListAsync(ct);
    }

    public async Task<Result<VenueDto>> GetAsync(int id, CancellationToken ct) =>
        await FindAsync(id, ct) is null ? Error.NotFound("Entity.Venue") : await DtoAsync(id, ct);

    /// <summary>The public week: every open venue of the unit's subtree and above, with the activities published there
    /// from <paramref name="from"/> for seven days. Null when there is no such unit.</summary>
    public async Task<IReadOnlyList<WeekVenue>?> WeekAsync(int unitId, DateTime from, CancellationToken ct)
    {
        if (await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(ct)
            is not { } path)
        {
            return null;
        }
        var venues = await InOrAbove(path).Where(v => !v.IsClosed)
            .OrderBy(v => v.UnitId).ThenBy(v => v.Id).Select(Projection()).ToListAsync(ct);
        var ids = venues.Select(v => v.Id).ToList();
        var to = from.AddDays(7);
        var activities = await db.VolunteerActivities.AsNoTracking()
            .Where(a => a.VenueId != null && ids.Contains(a.VenueId.Value) && a.Status != ActivityStatus.Cancelled
                && a.EndsAt > from && a.StartsAt < to)
            .OrderBy(a => a.StartsAt)
            .Select(a => new
            {
                VenueId = a.VenueId!.Value,
                Activity = new WeekActivity(a.Id, a.Title, a.StartsAt, a.EndsAt, a.Capacity, a.SignedUp, a.Contact,
                    a.Secret),
            })
            .ToListAsync(ct);
        return venues.Select(v => new WeekVenue(v, activities.Where(a => a.VenueId == v.Id).Select(a => a.Activity)
            .ToList())).ToList();
    }

    /// <summary>A venue the caller may use for an activity of <paramref name="unitPath"/>: of that unit, below or above
    /// it.</summary>
    public async Task<bool> UsableAsync(int venueId, string unitPath, CancellationToken ct) =>
        await InOrAbove(unitPath).AnyAsync(v => v.Id == venueId && !v.IsClosed, ct);

    /// <summary>The tracked venue when its unit is in the caller's subtree, for the handlers that change it.</summary>
    public async Task<Venue?> FindAsync(int id, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        return await db.Venues.FirstOrDefaultAsync(v => v.Id == id
            && db.Units.Within(scope).Any(u => u.Id == v.UnitId), ct);
    }

    public async Task<VenueDto> DtoAsync(int id, CancellationToken ct) =>
        await db.Venues.AsNoTracking().Where(v => v.Id == id).Select(Projection()).FirstAsync(ct);

    /// <summary>"/1/5/12/" → 1, 5, 12: the unit and the units above it.</summary>
    public static List<int> AncestorIds(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => int.TryParse(s, out var id) ? id : 0)
            .Where(id => id > 0).ToList();

    private IQueryable<Venue> InOrAbove(string path)
    {
        var above = AncestorIds(path);
        return db.Venues.AsNoTracking()
            .Where(v => above.Contains(v.UnitId) || db.Units.Within(path).Any(u => u.Id == v.UnitId));
    }

    private System.Linq.Expressions.Expression<Func<Venue, VenueDto>> Projection() => v => new VenueDto(v.Id, v.UnitId,
        db.Units.Where(u => u.Id == v.UnitId).Select(u => u.Name).First(), v.Name, v.Type, v.Address, v.OpeningHours,
        v.IsClosed);
}
