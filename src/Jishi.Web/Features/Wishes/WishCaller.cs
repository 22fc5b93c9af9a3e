using Jishi.Web.Data;
using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Wishes;

/// <summary>Who the caller is to wishes (<see cref="WishAccess"/>), and the wishes they may see.</summary>
public sealed class WishCaller(JishiDbContext db, CurrentUser user)
{
    private static readonly string[] StaffRoles = [Roles.StreetAdmin, Roles.CommunitySecretary, Roles.BranchSecretary];

    /// <summary>Staff over their subtree, and the active member the account is bound to, with that member's street.</summary>
    public async Task<WishAccess> AccessAsync(CancellationToken ct)
    {
        var staff = StaffRoles.Any(user.IsInRole);
        var scope = staff ? await user.ScopePathAsync(ct) : "-";
        var name = user.UserName;
        var member = name is null ? null : await db.Users.AsNoTracking().Where(u => u.UserName == name && u.MemberId != null)
            .Select(u => db.Members.Where(m => m.Id == u.MemberId && m.Status == MemberStatus.Active).Select(m => new { m.Id, m.Unit!.Path }).FirstOrDefault())
            .FirstOrDefaultAsync(ct);
        return new WishAccess(staff, scope, member?.Id, member is null ? null : $"/{Unit.StreetOf(member.Path)}/", user.SeesSensitiveData);
    }

    /// <summary>The wish when <paramref name="access"/> may see it (<see cref="WishAccess.Sees"/>); otherwise null.</summary>
    public async Task<WishSpot?> FindAsync(int id, WishAccess access, CancellationToken ct)
    {
        var spot = await db.Wishes.AsNoTracking().Where(w => w.Id == id).Select(w => new WishSpot(w.Id,
            db.Units.Where(u => u.Id == w.UnitId).Select(u => u.Path).First(),
            db.WishClaims.Where(c => c.WishId == w.Id && c.WithdrawnAt == null).Select(c => (int?)c.MemberId).FirstOrDefault(), w.Status))
            .FirstOrDefaultAsync(ct);
        return spot is not null && access.Sees(spot) ? spot : null;
    }

    /// <summary>Null when the caller may act for the wish's claimer (<see cref="WishAccess.MayActAsClaimer"/>); otherwise the
    /// error to answer.</summary>
    public async Task<Error?> MayActAsClaimerAsync(int id, WishAccess access, CancellationToken ct) =>
        await FindAsync(id, access, ct) is not { } wish ? Error.NotFound("Entity.Wish")
        : access.MayActAsClaimer(wish) ? null
        : new Error("Wishes.NotYourClaim", StatusCodes.Status403Forbidden);
}
