using Jishi.Web.Data;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Data;
using Jishi.Web.Shared.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Dues;

/// <summary>Sets a member's 交纳基数 of a year (PUT: the same request twice leaves the same base).</summary>
public sealed class SetDuesBase(JishiDbContext db, CurrentUser user, TimeProvider clock, DuesStandard standard)
{
    /// <summary>Far above any wage: a typing error, not an income.</summary>
    public const long MaxIncomeFen = 100_000_000;

    public sealed record BaseRequest(int MemberId, int? Year, DuesCategory? Category, decimal? MonthlyIncome);

    public sealed record BaseSet(int MemberId, int Year, DuesCategory Category, decimal? MonthlyIncome, decimal MonthlyDue);

    public async Task<Result<BaseSet>> SetAsync(BaseRequest r, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        if (!await db.Members.Within(scope).AnyAsync(m => m.Id == r.MemberId, ct))
        {
            return Error.NotFound("Entity.Member");
        }
        var problems = new List<FieldProblem>();
        if (r.Year is not (>= Standings.MinYear and <= Standings.MaxYear))
        {
            problems.Add(new("year", "Boards.YearRange", Standings.MinYear, Standings.MaxYear));
        }
        if (r.Category is not { } category || !Enum.IsDefined(category))
        {
            problems.Add(new("category", "Dues.Category"));
        }
        long income = 0;
        if (r.Category is { } c && DuesStandard.TakesIncome(c))
        {
            if (r.MonthlyIncome is { } yuan && DuesStandard.FenOf(yuan, MaxIncomeFen) is { } fen)
            {
                income = fen;
            }
            else
            {
                problems.Add(new("monthlyIncome", "Dues.Income", MaxIncomeFen / 100));
            }
        }
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        var at = clock.GetUtcNow().UtcDateTime;
        var by = user.UserName ?? "system";
        for (var attempt = 0; ; attempt++)
        {
            var row = await db.DuesBases.FirstOrDefaultAsync(b => b.MemberId == r.MemberId && b.Year == r.Year, ct);
            if (row is null)
            {
                row = new DuesBase(r.MemberId, r.Year!.Value);
                db.DuesBases.Add(row);
            }
            row.Set(standard, r.Category!.Value, income, by, at);
            try
            {
                await db.SaveChangesAsync(ct);
                return new BaseSet(row.MemberId, row.Year, row.Category,
                    DuesStandard.TakesIncome(row.Category) ? DuesStandard.Yuan(row.IncomeFen) : null,
                    DuesStandard.Yuan(row.MonthlyDueFen));
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e) && attempt == 0)
            {
                // Another request set the first base of that year meanwhile: set it again over theirs.
                db.ChangeTracker.Clear();
            }
        }
    }
}
