using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.MemberEvaluation;

/// <summary>Decided grades of one community and year (the dashboard's input): members per grade over its branches' decided rounds.</summary>
public sealed record EvaluationSummaryRow(int CommunityId, string CommunityName, int Year, int Rounds, int Excellent, int Qualified,
    int BasicallyQualified, int Unqualified);

/// <summary>The public query of this feature for the street dashboard: counts per grade per community and year, within the
/// caller's scope.</summary>
public sealed class EvaluationSummary(JishiDbContext db, CurrentUser user)
{
    public async Task<IReadOnlyList<EvaluationSummaryRow>> CountsAsync(int? year, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        var rows = await (from p in db.EvaluationParticipants.AsNoTracking()
                          join r in db.EvaluationRounds on p.RoundId equals r.Id
                          join b in db.Units.Within(scope) on r.UnitId equals b.Id
                          join c in db.Units on b.ParentId equals c.Id
                          where r.Status == EvaluationStatus.Decided && p.Decided != null && (year == null || r.Year == year)
                          group p by new { c.Id, c.Name, c.Path, r.Year } into g
                          select new
                          {
                              g.Key.Id, g.Key.Name, g.Key.Path, g.Key.Year,
                              Rounds = g.Select(p => p.RoundId).Distinct().Count(),
                              Excellent = g.Count(p => p.Decided == MemberGrade.Excellent),
                              Qualified = g.Count(p => p.Decided == MemberGrade.Qualified),
                              Basic = g.Count(p => p.Decided == MemberGrade.BasicallyQualified),
                              Unqualified = g.Count(p => p.Decided == MemberGrade.Unqualified),
                          }).ToListAsync(ct);
        return rows.OrderByDescending(r => r.Year).ThenBy(r => r.Path)
            .Select(r => new EvaluationSummaryRow(r.Id, r.Name, r.Year, r.Rounds, r.Excellent, r.Qualified, r.Basic, r.Unqualified)).ToList();
    }
}
