using Jishi.Web.Shared;

namespace Jishi.Web.Features.Volunteering;

/// <summary>Removes a sign-up nobody has checked in on, while the activity is still published, and frees its
/// place.</summary>
public sealed class WithdrawSignup(Places places, ActivityQueries queries)
{
    public async Task<Result<ActivityDetail>> HandleAsync(int id, int signupId, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } activity)
        {
            return Error.NotFound("Entity.Activity");
        }
        if (activity.WhyNotEditable() is { } why)
        {
            return Error.Conflict(why);
        }
        var given = await places.GiveBackAsync(id, signupId, ct);
        return given.IsSuccess ? await queries.DetailAsync(id, ct) : given.Error!;
    }
}
