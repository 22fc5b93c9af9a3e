using Jishi.Web.Data;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Wishes;

/// <summary>Staff over the wish's community put a submitted wish on the wall or decline it with a reason.</summary>
public sealed class ReviewWish(JishiDbContext db, CurrentUser user, TimeProvider clock, WishCaller caller, WishQueries queries)
{
    public Task<Result<WishDto>> PublishAsync(int id, CancellationToken ct) =>
        ReviewAsync(id, w => w.Publish(By, clock.GetUtcNow().UtcDateTime), ct);

    public async Task<Result<WishDto>> DeclineAsync(int id, PointsLedger.ReasonRequest request, CancellationToken ct)
    {
        if (Wish.CheckText("reason", request.Reason, "Points.ReasonRequired") is { } invalid)
        {
            return invalid;
        }
        return await ReviewAsync(id, w => w.Decline(request.Reason!.Trim(), By, clock.GetUtcNow().UtcDateTime), ct);
    }

    private async Task<Result<WishDto>> ReviewAsync(int id, Action<Wish> review, CancellationToken ct)
    {
        var access = await caller.AccessAsync(ct);
        if (await caller.FindAsync(id, access, ct) is not { } wish || !access.Oversees(wish))
        {
            return Error.NotFound("Entity.Wish");
        }
        var changed = await db.ApplyAsync("Entity.Wish", () => db.Wishes.FirstOrDefaultAsync(w => w.Id == id, ct), w => w.WhyNotReviewable(), review, ct);
        return changed.IsSuccess ? await queries.DtoAsync(id, access, ct) : changed.Error!;
    }

    private string By => user.UserName ?? Wish.ResidentActor;
}
