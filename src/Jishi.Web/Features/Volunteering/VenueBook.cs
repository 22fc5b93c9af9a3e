using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jishi.Web.Features.Volunteering;

public sealed record VenueDto(int Id, int UnitId, string UnitName, string Name, string Type, string Address, string OpeningHours, bool IsClosed);

/// <summary>One activity as the public venue page shows it: no contact beyond what the organizer published.</summary>
public sealed record WeekActivity(int Id, string Title, DateTime StartsAt, DateTime EndsAt, int Capacity, int SignedUp, string Contact, string Secret);

public sealed record WeekVenue(VenueDto Venue, IReadOnlyList<WeekActivity> Activities);

/// <summary>Service venues: a unit's secretary keeps those of their subtree; everyone in the subtree also sees (and may hold
/// activities at) the venues of the units above, such as the street's 便民服务中心.</summary>
public sealed class VenueBook(JishiDbContext db, CurrentUser user, IOptions<VolunteeringOptions> options)
{
    public sealed record SaveRequest(int UnitId, string? Name, string? Type, string? Address, string? OpeningHours, bool IsClosed = false);

    public IReadOnlyList<string> Types => options.Value.Types;

    public async Task<Result<IReadOnlyList<VenueDto>>> ListAsync(int? unitId, CancellationToken ct)
    {
        if (await db.ScopeOfAsync(user, unitId, ct) is not { } scope)
        {
            return Error.NotFound("Entity.Unit");
        }
        var above = AncestorIds(scope);
        return await db.Venues.AsNoTracking()
            .Where(v => above.Contains(v.UnitId) || db.Units.Within(scope).Any(u => u.Id == v.UnitId))
            .OrderBy(v => v.UnitId).ThenBy(v => v.Id).Select(Projection()).ToListAsync(ct);
    }

    public async Task<Result<VenueDto>> GetAsync(int id, CancellationToken ct) =>
        await FindAsync(id, ct) is null ? Error.NotFound("Entity.Venue") : await DtoAsync(id, ct);

    public async Task<Result<VenueDto>> CreateAsync(SaveRequest request, CancellationToken ct)
    {
        if (await db.FindVisibleUnitAsync(user, request.UnitId, ct) is null)
        {
            return Error.NotFound("Entity.Unit");
        }
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }
        var venue = new Venue(request.UnitId, request.Name!.Trim(), request.Type!.Trim(), request.Address!.Trim(), request.OpeningHours!.Trim());
        db.Venues.Add(venue);
        await db.SaveChangesAsync(ct);
        return await DtoAsync(venue.Id, ct);
    }

    /// <summary>Changes name, type, address, hours and whether it is closed; the unit that runs it stays.</summary>
    public async Task<Result<VenueDto>> UpdateAsync(int id, SaveRequest request, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } venue)
        {
            return Error.NotFound("Entity.Venue");
        }
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }
        venue.Change(request.Name!.Trim(), request.Type!.Trim(), request.Address!.Trim(), request.OpeningHours!.Trim(), request.IsClosed);
        await db.SaveChangesAsync(ct);
        return await DtoAsync(id, ct);
    }

    /// <summary>The public week: every open venue of the unit's subtree and above, with the activities published there
    /// from <paramref name="from"/> for seven days. Null when there is no such unit.</summary>
    public async Task<IReadOnlyList<WeekVenue>?> WeekAsync(int unitId, DateTime from, CancellationToken ct)
    {
        if (await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(ct) is not { } path)
        {
            return null;
        }
        var above = AncestorIds(path);
        var venues = await db.Venues.AsNoTracking()
            .Where(v => !v.IsClosed && (above.Contains(v.UnitId) || db.Units.Within(path).Any(u => u.Id == v.UnitId)))
            .OrderBy(v => v.UnitId).ThenBy(v => v.Id).Select(Projection()).ToListAsync(ct);
        var ids = venues.Select(v => v.Id).ToList();
        var to = from.AddDays(7);
        var activities = await db.VolunteerActivities.AsNoTracking()
            .Where(a => a.VenueId != null && ids.Contains(a.VenueId.Value) && a.Status != ActivityStatus.Cancelled && a.EndsAt > from && a.StartsAt < to)
            .OrderBy(a => a.StartsAt)
            .Select(a => new { VenueId = a.VenueId!.Value, Activity = new WeekActivity(a.Id, a.Title, a.StartsAt, a.EndsAt, a.Capacity, a.SignedUp, a.Contact, a.Secret) })
            .ToListAsync(ct);
        return venues.Select(v => new WeekVenue(v, activities.Where(a => a.VenueId == v.Id).Select(a => a.Activity).ToList())).ToList();
    }

    /// <summary>A venue the caller may use for an activity of <paramref name="unitPath"/>: of that unit, below or above it.</summary>
    public async Task<bool> UsableAsync(int venueId, string unitPath, CancellationToken ct)
    {
        var above = AncestorIds(unitPath);
        return await db.Venues.AnyAsync(v => v.Id == venueId && !v.IsClosed
            && (above.Contains(v.UnitId) || db.Units.Within(unitPath).Any(u => u.Id == v.UnitId)), ct);
    }

    /// <summary>"/1/5/12/" → 1, 5, 12: the unit and the units above it.</summary>
    public static List<int> AncestorIds(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => int.TryParse(s, out var id) ? id : 0).Where(id => id > 0).ToList();

    private async Task<Venue?> FindAsync(int id, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        return await db.Venues.FirstOrDefaultAsync(v => v.Id == id && db.Units.Within(scope).Any(u => u.Id == v.UnitId), ct);
    }

    private async Task<VenueDto> DtoAsync(int id, CancellationToken ct) =>
        await db.Venues.AsNoTracking().Where(v => v.Id == id).Select(Projection()).FirstAsync(ct);

    private System.Linq.Expressions.Expression<Func<Venue, VenueDto>> Projection() => v => new VenueDto(v.Id, v.UnitId,
        db.Units.Where(u => u.Id == v.UnitId).Select(u => u.Name).First(), v.Name, v.Type, v.Address, v.OpeningHours, v.IsClosed);

    private ValidationError? Validate(SaveRequest r)
    {
        var problems = new List<FieldProblem>();
        Texts.Require(problems, "name", r.Name, Venue.MaxName);
        Texts.Require(problems, "address", r.Address, Venue.MaxAddress);
        Texts.Require(problems, "openingHours", r.OpeningHours, Venue.MaxHours);
        if (r.Type?.Trim() is not { } type || !Types.Contains(type))
        {
            problems.Add(new("type", "Volunteering.VenueTypeInvalid", string.Join("、", Types)));
        }
        return problems.Count > 0 ? new ValidationError(problems) : null;
    }
}

/// <summary>Field checks shared by the volunteering handlers.</summary>
public static class Texts
{
    public static void Require(List<FieldProblem> problems, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(field, "Volunteering.Required"));
        }
        else if (value.Trim().Length > max)
        {
            problems.Add(new(field, "Text.TooLong", max));
        }
    }
}
