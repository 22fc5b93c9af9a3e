using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Pledges;

/// <summary>The pledges staff read within their subtree, each with the entry its award made, and the public board.</summary>
public sealed class PledgeQueries(JishiDbContext db, CurrentUser user, TimeProvider clock)
{
    public sealed record ListRequest(int? UnitId = null, int? Year = null, PledgeStatus? Status = null);

    /// <summary>The pledges of a year (this year by default) of the caller's subtree, or of one unit in it.</summary>
    public async Task<Result<IReadOnlyList<PledgeDto>>> ListAsync(ListRequest request, CancellationToken ct)
    {
        if (await db.ScopeOfAsync(user, request.UnitId, ct) is not { } scope)
        {
            return Error.NotFound("Entity.Unit");
        }
        var year = request.Year ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime).Year;
        var query = db.Pledges.AsNoTracking().Where(p => p.Year == year && db.Members.Within(scope).Any(m => m.Id == p.MemberId));
        if (request.Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }
        var pledges = await query.OrderBy(p => p.MemberId).ThenBy(p => p.Id).Select(PledgeDtoMapping.AsDto(db)).ToListAsync(ct);
        return await WithAwardsAsync(pledges, ct);
    }

    public async Task<Result<PledgeDto>> GetAsync(int id, CancellationToken ct) =>
        await FindAsync(id, ct) is null ? Error.NotFound("Entity.Pledge") : await DtoAsync(id, ct);

    /// <summary>The public board of a unit's subtree: published, kept and not-kept pledges with names and items only.
    /// Null when there is no such unit.</summary>
    public async Task<PledgeBoard?> BoardAsync(int unitId, int year, CancellationToken ct)
    {
        if (await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct) is not { } unit)
        {
            return null;
        }
        var rows = await db.Pledges.AsNoTracking()
            .Where(p => p.Year == year && p.Status != PledgeStatus.Draft && db.Members.Within(unit.Path).Any(m => m.Id == p.MemberId))
            .Select(p => new
            {
                Member = db.Members.Where(m => m.Id == p.MemberId)
                    .Select(m => new { m.Name, UnitName = m.Unit!.Name, UnitOrder = m.Unit.Path }).First(),
                p.Status,
                Items = p.Items.OrderBy(i => i.Position).Select(i => new PledgeItemDto(i.Position, i.Text, i.Target)).ToList(),
            })
            .ToListAsync(ct);
        return new PledgeBoard(unit.Name, year, rows
            .OrderBy(r => r.Member.UnitOrder, StringComparer.Ordinal).ThenBy(r => r.Member.Name, StringComparer.Ordinal)
            .Select(r => new BoardPledge(r.Member.Name, r.Member.UnitName, r.Status, r.Items)).ToList());
    }

    /// <summary>The pledge with its items, tracked, when its member is in the caller's subtree; otherwise null.</summary>
    public async Task<Pledge?> FindAsync(int id, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        return await db.Pledges.Include(p => p.Items)
            .FirstOrDefaultAsync(p => p.Id == id && db.Members.Within(scope).Any(m => m.Id == p.MemberId), ct);
    }

    /// <summary>The pledge <paramref name="id"/> as staff see it, after a change.</summary>
    public async Task<PledgeDto> DtoAsync(int id, CancellationToken ct) =>
        (await WithAwardsAsync([await db.Pledges.AsNoTracking().Where(p => p.Id == id).Select(PledgeDtoMapping.AsDto(db)).FirstAsync(ct)],
            ct))[0];

    /// <summary>The pledges with the ledger entry each award made (found by its source key).</summary>
    private async Task<List<PledgeDto>> WithAwardsAsync(List<PledgeDto> pledges, CancellationToken ct)
    {
        var keys = pledges.Where(p => p.Status == PledgeStatus.Kept).Select(p => Pledge.SourceKeyOf(p.Id)).ToList();
        var entries = keys.Count == 0 ? [] : await db.LedgerEntries.AsNoTracking().Where(e => keys.Contains(e.SourceKey!))
            .Select(e => new { e.SourceKey, e.Id, e.Status, e.Granted }).ToDictionaryAsync(e => e.SourceKey!, ct);
        return pledges.Select(p => entries.GetValueOrDefault(Pledge.SourceKeyOf(p.Id)) is { } e
            ? p with { EntryId = e.Id, EntryStatus = e.Status, EntryPoints = e.Granted } : p).ToList();
    }
}
