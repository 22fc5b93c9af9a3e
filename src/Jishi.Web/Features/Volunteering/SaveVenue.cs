using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Volunteering;

/// <summary>A unit's secretary adds a venue of their subtree, or changes its name, type, address, hours and whether it
/// is
/// closed; the unit that runs it stays.</summary>
public sealed class SaveVenue(JishiDbContext db, CurrentUser user, VenueQueries queries)
{
    public sealed record Request(int UnitId, string? Name, string? Type, string? Address, string? OpeningHours,
        bool IsClosed = false);

    public async Task<Result<VenueDto>> CreateAsync(Request request, CancellationToken ct)
    {
        if (await db.FindVisibleUnitAsync(user, request.UnitId, ct) is null)
        {
            return Error.NotFound("Entity.Unit");
        }
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }
        var venue = new Venue(request.UnitId, request.Name!.Trim(), request.Type!.Trim(), request.Address!.Trim(),
            request.OpeningHours!.Trim());
        db.Venues.Add(venue);
        await db.SaveChangesAsync(ct);
        return await queries.DtoAsync(venue.Id, ct);
    }

    public async Task<Result<VenueDto>> UpdateAsync(int id, Request request, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } venue)
        {
            return Error.NotFound("Entity.Venue");
        }
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }
        venue.Change(request.Name!.Trim(), request.Type!.Trim(), request.Address!.Trim(), request.OpeningHours!.Trim(),
            request.IsClosed);
        await db.SaveChangesAsync(ct);
        return await queries.DtoAsync(id, ct);
    }

    private ValidationError? Validate(Request r)
    {
        var problems = new List<FieldProblem>();
        Texts.Require(problems, "name", r.Name, Venue.MaxName);
        Texts.Require(problems, "address", r.Address, Venue.MaxAddress);
        Texts.Require(problems, "openingHours", r.OpeningHours, Venue.MaxHours);
        if (r.Type?.Trim() is not { } type || !queries.Types.Contains(type))
        {
            problems.Add(new("type", "Volunteering.VenueTypeInvalid", string.Join("、", queries.Types)));
        }
        return problems.Count > 0 ? new ValidationError(problems) : null;
    }
}
