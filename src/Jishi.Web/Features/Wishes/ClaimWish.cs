using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Data;
using Jishi.Web.Shared.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Wishes;

/// <summary>A wish on the wall taken by one member, and given back. Staff claim for a member of their subtree
/// (<c>memberId</c>); a member bound to the account claims for themself (no <c>memberId</c>, or their own) a wish of their
/// street. The wish's status (a concurrency token) and the filtered unique index on active claims let exactly one of any
/// number of simultaneous claims in.</summary>
public sealed class ClaimWish(JishiDbContext db, CurrentUser user, TimeProvider clock, WishCaller caller, WishQueries queries)
{
    public sealed record ClaimRequest(int? MemberId);

    public async Task<Result<WishDto>> ClaimAsync(int id, ClaimRequest request, CancellationToken ct)
    {
        var access = await caller.AccessAsync(ct);
        if (await caller.FindAsync(id, access, ct) is not { } wish)
        {
            return Error.NotFound("Entity.Wish");
        }
        int memberId;
        if (request.MemberId is { } chosen && chosen != access.MemberId)
        {
            if (!access.Oversees(wish))
            {
                return Error.NotFound("Entity.Wish");
            }
            if (!await db.Members.Within(access.Scope).AnyAsync(m => m.Id == chosen && m.Status == MemberStatus.Active, ct))
            {
                return Error.NotFound("Entity.Member");
            }
            memberId = chosen;
        }
        else if (access.MayClaimForSelf(wish))
        {
            memberId = access.MemberId!.Value;
        }
        else
        {
            return access.IsStaff ? new ValidationError([new("memberId", "Wishes.MemberRequired")])
                : new Error("Wishes.NoMember", StatusCodes.Status403Forbidden);
        }
        try
        {
            var claimed = await db.ApplyAsync("Entity.Wish", () => db.Wishes.FirstOrDefaultAsync(w => w.Id == id, ct), w => w.WhyNotClaimable(),
                w => db.WishClaims.Add(w.Claim(memberId, By, Now)), ct);
            return claimed.IsSuccess ? await queries.DtoAsync(id, access, ct) : claimed.Error!;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("Wishes.NotClaimable");
        }
    }

    /// <summary>Gives the wish back to the wall: staff of its community, or the claiming member.</summary>
    public async Task<Result<WishDto>> WithdrawAsync(int id, CancellationToken ct)
    {
        var access = await caller.AccessAsync(ct);
        if (await caller.MayActAsClaimerAsync(id, access, ct) is { } denied)
        {
            return denied;
        }
        var changed = await db.ApplyAsync("Entity.Wish", () => db.Wishes.FirstOrDefaultAsync(w => w.Id == id, ct), w => w.WhyNotWithdrawable(),
            async w => w.Release(await db.WishClaims.FirstAsync(c => c.WishId == id && c.WithdrawnAt == null, ct), By, Now), ct);
        return changed.IsSuccess ? await queries.DtoAsync(id, access, ct) : changed.Error!;
    }

    private string By => user.UserName ?? Wish.ResidentActor;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
