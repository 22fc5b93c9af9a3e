using Jishi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Grading;

/// <summary>A branch's published grade, for other features (the dashboard, turnaround plans).</summary>
public sealed record BranchGrade(int GradingId, int UnitId, string UnitName, int CommunityId, string CommunityName, int Year, int RoundId, decimal Total, int Stars,
    GradeCategory Category, bool Rectify, bool Vetoed);

/// <summary>Published grades (rounds that are posted or final), for this feature's pages and for other features. Nothing here
/// checks the caller: a published grade is public (公示), and callers that show more filter by their own scope.</summary>
public sealed class GradingResults(JishiDbContext db)
{
    /// <summary>The branches of the street's latest published round; empty when the street has none.</summary>
    public async Task<IReadOnlyList<BranchGrade>> LatestForStreetAsync(int streetId, CancellationToken ct)
    {
        var round = await db.GradingRounds.AsNoTracking()
            .Where(r => r.StreetId == streetId && (r.Status == RoundStatus.Posted || r.Status == RoundStatus.Final))
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        return round is null ? [] : await ForRoundAsync(round, ct);
    }

    /// <summary>The branches of a published round, best first; empty when the round is not published.</summary>
    public async Task<IReadOnlyList<BranchGrade>> ForRoundAsync(GradingRound round, CancellationToken ct)
    {
        if (!round.IsPublished)
        {
            return [];
        }
        var rows = await (from g in db.BranchGradings.AsNoTracking()
                          join u in db.Units on g.UnitId equals u.Id
                          where g.RoundId == round.Id
                          select new { g, u.Name, CommunityId = u.ParentId!.Value, Community = u.Parent!.Name, u.Parent.SortOrder, Order = u.SortOrder })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.g.Rank).ThenBy(r => r.SortOrder).ThenBy(r => r.Order)
            .Select(r => new BranchGrade(r.g.Id, r.g.UnitId, r.Name, r.CommunityId, r.Community, round.Year, round.Id, r.g.Total ?? 0, r.g.Stars ?? 1,
                r.g.Category ?? GradeCategory.Lagging, r.g.Rectify, r.g.Vetoed))
            .ToList();
    }

    /// <summary>The lines of a round within <paramref name="scopePath"/>, each with the branch's grade in the street's
    /// previous published round.</summary>
    public async Task<IReadOnlyList<BranchLine>> LinesAsync(GradingRound round, string scopePath, CancellationToken ct)
    {
        var rows = await (from g in db.BranchGradings.AsNoTracking()
                          join u in db.Units.Within(scopePath) on g.UnitId equals u.Id
                          where g.RoundId == round.Id
                          select new { g, u.Name, Community = u.Parent!.Name, CommunityOrder = u.Parent.SortOrder, u.ParentId, u.SortOrder })
            .ToListAsync(ct);
        var previous = await PreviousAsync(round, ct);
        return rows.OrderBy(r => r.CommunityOrder).ThenBy(r => r.ParentId).ThenBy(r => r.SortOrder).ThenBy(r => r.g.UnitId)
            .Select(r => new BranchLine(r.g.Id, r.g.UnitId, r.Name, r.Community, r.g.Status, r.g.EvaluationScore,
                round.IsPublished ? r.g.Total : null, round.IsPublished ? r.g.Rank : null, round.IsPublished ? r.g.Stars : null,
                round.IsPublished ? r.g.Category : null, round.IsPublished && r.g.Rectify, round.IsPublished && r.g.Vetoed,
                previous.GetValueOrDefault(r.g.UnitId), round.Year))
            .ToList();
    }

    /// <summary>Year-on-year: each branch's grade in the street's latest published round of an earlier year.</summary>
    public async Task<IReadOnlyDictionary<int, PreviousGrade>> PreviousAsync(GradingRound round, CancellationToken ct)
    {
        var last = await db.GradingRounds.AsNoTracking()
            .Where(r => r.StreetId == round.StreetId && r.Year < round.Year && (r.Status == RoundStatus.Posted || r.Status == RoundStatus.Final))
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (last is null)
        {
            return new Dictionary<int, PreviousGrade>();
        }
        var rows = await db.BranchGradings.AsNoTracking().Where(g => g.RoundId == last.Id && g.Total != null)
            .Select(g => new { g.UnitId, g.Total, g.Stars, g.Category }).ToListAsync(ct);
        return rows.ToDictionary(g => g.UnitId, g => new PreviousGrade(last.Year, g.Total!.Value, g.Stars ?? 1, g.Category ?? GradeCategory.Lagging));
    }
}
