using Jishi.Web.Data;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Volunteering;

/// <summary>Cancels an activity still published.</summary>
public sealed class CancelActivity(JishiDbContext db, ActivityQueries queries)
{
    public async Task<Result<ActivityDetail>> HandleAsync(int id, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } activity)
        {
            return Error.NotFound("Entity.Activity");
        }
        if (activity.WhyNotEditable() is { } why)
        {
            return Error.Conflict(why);
        }
        activity.Cancel();
        await db.SaveChangesAsync(ct);
        return await queries.DetailAsync(id, ct);
    }
}
