using Jishi.Web.Data;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Dues;

public sealed record MonthDues(string Month, decimal Due, decimal Paid);

/// <summary>A member's dues of a year: the base (null when none is set), each month, the arrears to date and the payments.</summary>
public sealed record MemberDues(int MemberId, string Name, int Year, DuesCategory? Category, decimal? MonthlyIncome, decimal? MonthlyDue,
    IReadOnlyList<MonthDues> Months, decimal Arrears, IReadOnlyList<DuesPaymentDto> Payments);

/// <summary>Reads of dues within the caller's subtree.</summary>
public sealed class DuesQueries(JishiDbContext db, CurrentUser user, TimeProvider clock)
{
    public async Task<Result<MemberDues>> MemberAsync(int memberId, int? year, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var y = year ?? today.Year;
        if (y is < Points.Standings.MinYear or > Points.Standings.MaxYear)
        {
            return new ValidationError([new("year", "Boards.YearRange", Points.Standings.MinYear, Points.Standings.MaxYear)]);
        }
        var scope = await user.ScopePathAsync(ct);
        var member = await db.Members.AsNoTracking().Within(scope).Where(m => m.Id == memberId)
            .Select(m => new { m.Id, m.Name, m.JoinedOn }).FirstOrDefaultAsync(ct);
        if (member is null)
        {
            return Error.NotFound("Entity.Member");
        }
        var row = await db.DuesBases.AsNoTracking().FirstOrDefaultAsync(b => b.MemberId == memberId && b.Year == y, ct);
        var (from, to) = (DuesMonth.Of(y, 1), DuesMonth.Of(y, 12));
        var paid = await db.DuesPaidMonths.AsNoTracking().Where(p => p.MemberId == memberId && p.Month >= from && p.Month <= to)
            .ToDictionaryAsync(p => p.Month, p => p.DueFen, ct);
        var months = DuesStatement.Months(y, row?.MonthlyDueFen, member.JoinedOn, paid);
        var prefix = y.ToString("0000", System.Globalization.CultureInfo.InvariantCulture) + "-";
        var payments = await db.DuesPayments.AsNoTracking().Where(p => p.MemberId == memberId && p.Months.Contains(prefix))
            .OrderBy(p => p.Id).ToListAsync(ct);
        return new MemberDues(member.Id, member.Name, y, row?.Category,
            row is not null && DuesStandard.TakesIncome(row.Category) ? DuesStandard.Yuan(row.IncomeFen) : null,
            row is null ? null : DuesStandard.Yuan(row.MonthlyDueFen),
            months.Select(m => new MonthDues(DuesMonth.Text(m.Month), DuesStandard.Yuan(m.DueFen), DuesStandard.Yuan(m.PaidFen))).ToList(),
            DuesStandard.Yuan(DuesStatement.ArrearsFen(months, DuesMonth.Of(today.Year, today.Month))),
            payments.Select(p => p.AsDto()).ToList());
    }
}
