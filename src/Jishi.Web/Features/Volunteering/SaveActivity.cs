using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Volunteering;

/// <summary>Publishes an activity for a unit of the caller's subtree, or changes one still published; the capacity may
/// not
/// drop below those already signed up.</summary>
public sealed class SaveActivity(JishiDbContext db, CurrentUser user, TimeProvider clock, ActivityQueries queries,
    VenueQueries venues)
{
    public sealed record Request(int UnitId, int? VenueId, string? Title, string? Content, string? Contact,
        DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, int? Capacity);

    public async Task<Result<ActivityDetail>> CreateAsync(Request request, CancellationToken ct)
    {
        if (await db.FindVisibleUnitAsync(user, request.UnitId, ct) is not { } unit)
        {
            return Error.NotFound("Entity.Unit");
        }
        if (await ValidateAsync(request, unit.Path, 0, ct) is { } invalid)
        {
            return invalid;
        }
        var activity = new VolunteerActivity(unit.Id, request.VenueId, request.Title!.Trim(), request.Content!.Trim(),
            request.Contact!.Trim(), request.StartsAt!.Value.UtcDateTime, request.EndsAt!.Value.UtcDateTime,
            request.Capacity!.Value, user.UserName ?? "system", clock.GetUtcNow().UtcDateTime);
        db.VolunteerActivities.Add(activity);
        await db.SaveChangesAsync(ct);
        return await queries.DetailAsync(activity.Id, ct);
    }

    public async Task<Result<ActivityDetail>> UpdateAsync(int id, Request request, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } activity)
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
            // A sign-up took a place meanwhile, under a capacity that would now be exceeded (the check constraint
            // refused).
            db.ChangeTracker.Clear();
            return Error.Conflict("Volunteering.CapacityBelowSignedUp");
        }
        return await queries.DetailAsync(id, ct);
    }

    private async Task<ValidationError?> ValidateAsync(Request r, string unitPath, int signedUp, CancellationToken ct)
    {
        var problems = new List<FieldProblem>();
        Texts.Require(problems, "title", r.Title, VolunteerActivity.MaxTitle);
        Texts.Require(problems, "content", r.Content, VolunteerActivity.MaxContent);
        Texts.Require(problems, "contact", r.Contact, VolunteerActivity.MaxContact);
        if (r.StartsAt is null || r.EndsAt is null || r.EndsAt <= r.StartsAt
            || r.EndsAt - r.StartsAt > TimeSpan.FromHours(24))
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
}
