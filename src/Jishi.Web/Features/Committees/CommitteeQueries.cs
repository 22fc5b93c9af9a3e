using Jishi.Web.Data;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Committees;

/// <summary>Reads of committees in the caller's subtree: a unit's current one with its history, and the units whose term
/// ends soon or is past (换届提醒).</summary>
public sealed class CommitteeQueries(JishiDbContext db, CurrentUser user, TimeProvider clock)
{
    public const int MaxWithinDays = 3650;

    public sealed record TermsRequest(int? WithinDays);

    public async Task<Result<UnitCommitteeDto>> OfUnitAsync(int unitId, CancellationToken ct)
    {
        if (await db.FindVisibleUnitAsync(user, unitId, ct) is not { } unit || !Committee.HasCommittee(unit.Kind))
        {
            return Error.NotFound("Entity.Unit");
        }
        var committees = await db.Committees.AsNoTracking().Include(c => c.Seats).Where(c => c.UnitId == unitId)
            .OrderByDescending(c => c.ElectedOn).ToListAsync(ct);
        var names = await NamesAsync(committees, ct);
        var dtos = committees.Select(c => c.AsDto(names, Today)).ToList();
        return new UnitCommitteeDto(unit.Id, unit.Name, Committee.DefaultTermYears(unit.Kind), dtos.FirstOrDefault(c => c.ClosedOn is null),
            dtos.Where(c => c.ClosedOn is not null).ToList());
    }

    /// <summary>The units of the caller's subtree whose current term ends within <see cref="TermsRequest.WithinDays"/> days
    /// (90 when not given) or is past, the most overdue first.</summary>
    public async Task<Result<IReadOnlyList<TermDueDto>>> TermsDueAsync(TermsRequest request, CancellationToken ct)
    {
        var within = request.WithinDays ?? 90;
        if (within is < 0 or > MaxWithinDays)
        {
            return new ValidationError([new("withinDays", "Committee.WithinDays", MaxWithinDays)]);
        }
        return (await TermsAsync(await user.ScopePathAsync(ct), ct)).Where(t => t.DaysLeft <= within).ToList();
    }

    /// <summary>Every current term in the subtree at <paramref name="scopePath"/>, the most overdue first.</summary>
    public async Task<IReadOnlyList<TermDueDto>> TermsAsync(string scopePath, CancellationToken ct)
    {
        var current = await db.Units.AsNoTracking().Within(scopePath).Where(u => !u.IsArchived)
            .Join(db.Committees.Where(c => c.ClosedOn == null), u => u.Id, c => c.UnitId,
                (u, c) => new { u.Id, u.Name, c.ElectedOn, c.TermYears })
            .ToListAsync(ct);
        var today = Today;
        return current.Select(c =>
            {
                var ends = c.ElectedOn.AddYears(c.TermYears);
                return new TermDueDto(c.Id, c.Name, c.ElectedOn, ends, ends.DayNumber - today.DayNumber);
            })
            .OrderBy(t => t.DaysLeft).ThenBy(t => t.UnitId).ToList();
    }

    /// <summary>One committee as read, after it was recorded.</summary>
    public async Task<CommitteeDto> CommitteeAsync(int id, CancellationToken ct)
    {
        var committee = await db.Committees.AsNoTracking().Include(c => c.Seats).SingleAsync(c => c.Id == id, ct);
        return committee.AsDto(await NamesAsync([committee], ct), Today);
    }

    private async Task<Dictionary<int, string>> NamesAsync(IEnumerable<Committee> committees, CancellationToken ct)
    {
        var ids = committees.SelectMany(c => c.Seats).Where(s => s.MemberId is not null).Select(s => s.MemberId!.Value).Distinct().ToList();
        return await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
