using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Dues;

public sealed record CollectionRow(int MemberId, string Name, decimal Due, decimal Paid);

/// <summary>A unit's 党费收缴 of a month (the 党费公示): 应缴 and 实缴 in yuan, each active member, and who has not paid.</summary>
public sealed record CollectionSheet(int UnitId, string UnitName, string Month, decimal Due, decimal Paid,
    IReadOnlyList<CollectionRow> Members,
    IReadOnlyList<string> Unpaid);

/// <summary>The collection sheet of a unit's subtree for one month.</summary>
public sealed class DuesCollection(JishiDbContext db, CurrentUser user)
{
    public sealed record CollectionRequest(int? UnitId = null, int? Year = null, int? Month = null);

    public async Task<Result<CollectionSheet>> SheetAsync(CollectionRequest r, CancellationToken ct)
    {
        if (r.Year is not (>= Points.Standings.MinYear and <= Points.Standings.MaxYear) || r.Month is not (>= 1 and <= 12))
        {
            return new ValidationError([new("month", "Dues.CollectionMonth", Points.Standings.MinYear, Points.Standings.MaxYear)]);
        }
        if (r.UnitId is not { } unitId || await db.FindVisibleUnitAsync(user, unitId, ct) is not { } unit)
        {
            return Error.NotFound("Entity.Unit");
        }
        var month = DuesMonth.Of(r.Year.Value, r.Month.Value);
        var members = await db.Members.AsNoTracking().Within(unit.Path).Where(m => m.Status == MemberStatus.Active)
            .OrderBy(m => m.Name).ThenBy(m => m.Id).Select(m => new { m.Id, m.Name, m.JoinedOn }).ToListAsync(ct);
        var ids = members.Select(m => m.Id).ToList();
        var bases = await db.DuesBases.AsNoTracking().Where(b => b.Year == r.Year && ids.Contains(b.MemberId))
            .ToDictionaryAsync(b => b.MemberId, b => b.MonthlyDueFen, ct);
        var paid = await db.DuesPaidMonths.AsNoTracking().Where(p => p.Month == month && ids.Contains(p.MemberId))
            .ToDictionaryAsync(p => p.MemberId, p => p.DueFen, ct);
        var rows = members.Select(m =>
        {
            var months = DuesStatement.Months(r.Year.Value, bases.TryGetValue(m.Id, out var b) ? b : null, m.JoinedOn,
                paid.TryGetValue(m.Id, out var p) ? new Dictionary<int, long> { [month] = p } : []);
            return (m.Id, m.Name, Month: months[r.Month.Value - 1]);
        }).ToList();
        return new CollectionSheet(unit.Id, unit.Name, DuesMonth.Text(month), DuesStandard.Yuan(rows.Sum(x => x.Month.DueFen)),
            DuesStandard.Yuan(rows.Sum(x => x.Month.PaidFen)),
            rows.Select(x => new CollectionRow(x.Id, x.Name, DuesStandard.Yuan(x.Month.DueFen),
                DuesStandard.Yuan(x.Month.PaidFen))).ToList(),
            rows.Where(x => x.Month.DueFen > x.Month.PaidFen).Select(x => x.Name).ToList());
    }
}
