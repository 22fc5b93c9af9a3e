using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Volunteering;

/// <summary>Signs up a member or resident volunteer of the caller's subtree; 409 when full or already signed
/// up.</summary>
public sealed class SignUp(JishiDbContext db, CurrentUser user, TimeProvider clock, Places places,
    ActivityQueries queries)
{
    public sealed record Request(int? MemberId, int? VolunteerId);

    public async Task<Result<ActivityDetail>> HandleAsync(int id, Request request, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } activity)
        {
            return Error.NotFound("Entity.Activity");
        }
        var scope = await user.ScopePathAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        ActivitySignup signup;
        if (request.MemberId is { } memberId && request.VolunteerId is null)
        {
            if (!await db.Members.Within(scope).AnyAsync(m => m.Id == memberId, ct))
            {
                return Error.NotFound("Entity.Member");
            }
            signup = ActivitySignup.ForMember(id, memberId, now);
        }
        else if (request.VolunteerId is { } volunteerId && request.MemberId is null)
        {
            if (!await db.Volunteers.AnyAsync(v => v.Id == volunteerId
                    && db.Units.Within(scope).Any(u => u.Id == v.UnitId), ct))
            {
                return Error.NotFound("Entity.Volunteer");
            }
            signup = ActivitySignup.ForVolunteer(id, volunteerId, now);
        }
        else
        {
            return new ValidationError([new("memberId", "Volunteering.OnePerson")]);
        }
        if (activity.WhyNotSignUp(now) is { } why)
        {
            return Error.Conflict(why);
        }
        var taken = await places.TakeAsync(signup, ct);
        return taken.IsSuccess ? await queries.DetailAsync(id, ct) : taken.Error!;
    }
}
