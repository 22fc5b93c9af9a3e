using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Wishes;

/// <summary>What anyone may read without an account: the communities to choose, a wish by its tracking code (the resident
/// masked), and a unit's wish wall (never the resident).</summary>
public sealed class PublicWishes(JishiDbContext db)
{
    /// <summary>The communities a resident may choose, of one street or of all.</summary>
    public async Task<IReadOnlyList<WishCommunity>> CommunitiesAsync(int? streetId, CancellationToken ct)
    {
        var rows = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Community && !u.IsArchived && (streetId == null || u.ParentId == streetId))
            .Select(u => new { u.Id, u.Name, Street = u.Parent!.Name, StreetOrder = u.Parent.SortOrder, u.ParentId, u.SortOrder })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.StreetOrder).ThenBy(r => r.ParentId).ThenBy(r => r.SortOrder).ThenBy(r => r.Id)
            .Select(r => new WishCommunity(r.Id, r.Name, r.Street)).ToList();
    }

    public async Task<TrackedWish?> TrackAsync(string code, CancellationToken ct)
    {
        var normalized = Wish.NormalizeCode(code);
        var row = await db.Wishes.AsNoTracking().Where(w => w.TrackingCode == normalized).Select(w => new
        {
            Wish = w,
            UnitName = db.Units.Where(u => u.Id == w.UnitId).Select(u => u.Name).First(),
            MemberName = db.WishClaims.Where(c => c.WishId == w.Id && c.WithdrawnAt == null)
                .Select(c => db.Members.Where(m => m.Id == c.MemberId).Select(m => m.Name).First()).FirstOrDefault(),
            Evidence = db.WishFiles.Count(f => f.WishId == w.Id && f.Kind == WishFileKind.Evidence),
        }).FirstOrDefaultAsync(ct);
        return row?.Wish.AsTracked(row.UnitName, row.MemberName, row.Evidence);
    }

    /// <summary>The public wish wall of a unit's subtree: wishes from publication on, with the community, never the resident.
    /// Null when there is no such unit.</summary>
    public async Task<WishWall?> WallAsync(int unitId, CancellationToken ct)
    {
        if (await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct) is not { } unit)
        {
            return null;
        }
        var wishes = await db.Wishes.AsNoTracking()
            .Where(w => w.Status != WishStatus.Submitted && w.Status != WishStatus.Declined && db.Units.Within(unit.Path).Any(u => u.Id == w.UnitId))
            .OrderBy(w => w.Status == WishStatus.Published ? 0 : 1).ThenByDescending(w => w.Id).Take(Paging.MaxPageSize)
            .Select(WishDtoMapping.AsWallWish(db)).ToListAsync(ct);
        return new WishWall(unit.Id, unit.Name, wishes);
    }
}
