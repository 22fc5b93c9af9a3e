using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Volunteering;

/// <summary>The organizer's roll call of one sign-up: check in, check out (now), or set the person's hours by
/// hand.</summary>
public sealed class RollCall(JishiDbContext db, TimeProvider clock, ActivityQueries queries)
{
    public sealed record HoursRequest(decimal? Hours);

    /// <summary>A second check-in changes nothing.</summary>
    public Task<Result<ActivityDetail>> CheckInAsync(int id, int signupId, CancellationToken ct) =>
        ChangeAsync(id, signupId, (a, s) => a.CheckIn(s, Now), ct);

    /// <summary>The first check-out counts.</summary>
    public Task<Result<ActivityDetail>> CheckOutAsync(int id, int signupId, CancellationToken ct) =>
        ChangeAsync(id, signupId, (a, s) => a.CheckOut(s, Now), ct);

    /// <summary>The organizer's own figure of one person's hours (0 to 24 in half hours), before
    /// confirmation.</summary>
    public async Task<Result<ActivityDetail>> SetHoursAsync(int id, int signupId, HoursRequest request,
        CancellationToken ct)
    {
        if (request.Hours is not { } hours || !VolunteerHours.IsValid(hours))
        {
            return new ValidationError([new("hours", "Volunteering.HoursInvalid")]);
        }
        return await ChangeAsync(id, signupId, (a, s) => a.SetHours(s, hours), ct);
    }

    private async Task<Result<ActivityDetail>> ChangeAsync(int id, int signupId,
        Func<VolunteerActivity, ActivitySignup, string?> change, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } activity)
        {
            return Error.NotFound("Entity.Activity");
        }
        if (await db.ActivitySignups.FirstOrDefaultAsync(s => s.Id == signupId && s.ActivityId == id,
            ct) is not { } signup)
        {
            return Error.NotFound("Entity.Signup");
        }
        if (change(activity, signup) is { } why)
        {
            return Error.Conflict(why);
        }
        await db.SaveChangesAsync(ct);
        return await queries.DetailAsync(id, ct);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
