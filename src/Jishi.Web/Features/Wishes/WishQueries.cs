using Jishi.Web.Data;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Wishes;

/// <summary>The wishes staff and members read, each as the caller may see it (<see cref="WishAccess"/>).</summary>
public sealed class WishQueries(JishiDbContext db, CurrentUser user, WishCaller caller)
{
    public sealed record ListRequest(int? UnitId = null, WishStatus? Status = null);

    /// <summary>The wishes of the caller's subtree, or of one unit in it, newest first.</summary>
    public async Task<Result<IReadOnlyList<WishDto>>> ListAsync(ListRequest request, CancellationToken ct)
    {
        if (await db.ScopeOfAsync(user, request.UnitId, ct) is not { } scope)
        {
            return Error.NotFound("Entity.Unit");
        }
        var query = db.Wishes.AsNoTracking().Where(w => db.Units.Within(scope).Any(u => u.Id == w.UnitId));
        if (request.Status is { } status)
        {
            query = query.Where(w => w.Status == status);
        }
        var ids = await query.OrderByDescending(w => w.Id).Select(w => w.Id).Take(Paging.MaxPageSize).ToListAsync(ct);
        return await DtosAsync(ids, await caller.AccessAsync(ct), ct);
    }

    /// <summary>The wishes the caller's member has claimed (the active claims and the ones that ended in confirmation).</summary>
    public async Task<Result<IReadOnlyList<WishDto>>> MineAsync(CancellationToken ct)
    {
        var access = await caller.AccessAsync(ct);
        if (access.MemberId is not { } memberId)
        {
            return new Error("Wishes.NoMember", StatusCodes.Status403Forbidden);
        }
        var ids = await db.WishClaims.AsNoTracking().Where(c => c.MemberId == memberId && c.WithdrawnAt == null)
            .OrderByDescending(c => c.WishId).Select(c => c.WishId).ToListAsync(ct);
        return await DtosAsync(ids, access, ct);
    }

    public async Task<Result<WishDto>> GetAsync(int id, CancellationToken ct)
    {
        var access = await caller.AccessAsync(ct);
        return await caller.FindAsync(id, access, ct) is null ? Error.NotFound("Entity.Wish") : await DtoAsync(id, access, ct);
    }

    /// <summary>The published wishes of the street of the caller's member, to claim; none for an account without a member.</summary>
    public async Task<IReadOnlyList<WallWish>> OpenForMemberAsync(CancellationToken ct)
    {
        if ((await caller.AccessAsync(ct)).MemberStreetPath is not { } street)
        {
            return [];
        }
        return await db.Wishes.AsNoTracking()
            .Where(w => w.Status == WishStatus.Published && db.Units.Within(street).Any(u => u.Id == w.UnitId))
            .OrderBy(w => w.Id).Take(Paging.MaxPageSize).Select(WishDtoMapping.AsWallWish(db)).ToListAsync(ct);
    }

    /// <summary>The wish <paramref name="id"/> as <paramref name="access"/> sees it, after a change.</summary>
    public async Task<WishDto> DtoAsync(int id, WishAccess access, CancellationToken ct) => (await DtosAsync([id], access, ct))[0];

    private async Task<List<WishDto>> DtosAsync(List<int> ids, WishAccess access, CancellationToken ct)
    {
        var rows = await db.Wishes.AsNoTracking().Where(w => ids.Contains(w.Id)).Select(w => new
        {
            Wish = w,
            Unit = db.Units.Where(u => u.Id == w.UnitId).Select(u => new { u.Name, u.Path }).First(),
            Claim = db.WishClaims.Where(c => c.WishId == w.Id && c.WithdrawnAt == null).Select(c => new
            {
                c.MemberId, c.ClaimedBy, c.ClaimedAt,
                Member = db.Members.Where(m => m.Id == c.MemberId).Select(m => new { m.Name, UnitName = m.Unit!.Name }).First(),
            }).FirstOrDefault(),
        }).ToListAsync(ct);
        var files = await db.WishFiles.AsNoTracking().Where(f => ids.Contains(f.WishId)).OrderBy(f => f.Id)
            .Select(f => new { f.WishId, Dto = new WishFileDto(f.Id, f.Kind, f.FileName, f.ContentType, f.Size, f.UploadedAt) }).ToListAsync(ct);
        var keys = ids.Select(Wish.SourceKeyOf).ToList();
        var awards = await db.LedgerEntries.AsNoTracking().Where(e => keys.Contains(e.SourceKey!))
            .Select(e => new { e.SourceKey, Award = new WishAward(e.Id, e.Status, e.Granted) }).ToDictionaryAsync(e => e.SourceKey!, e => e.Award, ct);
        var byId = rows.ToDictionary(r => r.Wish.Id, r => r.Wish.AsDto(access, new WishSpot(r.Wish.Id, r.Unit.Path, r.Claim?.MemberId, r.Wish.Status),
            r.Unit.Name, r.Claim is { } c ? new WishClaimDto(c.MemberId, c.Member.Name, c.Member.UnitName, c.ClaimedBy, c.ClaimedAt) : null,
            files.Where(f => f.WishId == r.Wish.Id).Select(f => f.Dto).ToList(), awards.GetValueOrDefault(Wish.SourceKeyOf(r.Wish.Id))));
        return ids.Select(id => byId[id]).ToList();
    }
}
