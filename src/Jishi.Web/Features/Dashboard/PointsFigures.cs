using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Dashboard;

/// <summary>Points and stars of the year's active members (免评 members left out, as on the star board), by community and by
/// tier. Stars depend on the street's and tier's rule set, so the database counts members at or above each threshold once per
/// street and tier (a handful of grouped queries), never reading members one by one.</summary>
public sealed class PointsFigures(JishiDbContext db, RuleSetLookup rules, IStringLocalizer<SharedResource> text) : IPanelSource
{
    /// <summary>Members, the sum of their assessment scores and how many have each number of stars (0–5).</summary>
    public sealed record Tally(int UnitId, string Tier, int Members, decimal ScoreSum, int[] ByStars);

    public async Task<IReadOnlyList<Panel>> PanelsAsync(DashboardScope scope, CancellationToken ct)
    {
        var tallies = await TallyAsync(scope, ct);
        var byGroup = scope.SumByGroup(tallies.Select(t => (t.UnitId, Figures(t))), 2 + StarScale.MaxStars + 1);
        var tiers = tallies.GroupBy(t => t.Tier).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Label: text.Tier(g.Key), Sums: g.Select(Figures).Aggregate(Add)));
        return
        [
            Panel("points-stars", "Dashboard.Unit", byGroup.Select(r => (r.Group.Name, r.Sums))),
            Panel("points-tiers", "Dashboard.Tier", tiers),
        ];
    }

    public async Task<IReadOnlyList<Tally>> TallyAsync(DashboardScope scope, CancellationToken ct)
    {
        var year = scope.Year;
        var members = db.Members.AsNoTracking().Within(scope.Path)
            .Where(m => m.Status == MemberStatus.Active
                && !db.Exemptions.Any(x => x.Year == year && x.MemberId == m.Id));
        var tiers = await members.Select(m => m.Tier).Distinct().ToListAsync(ct);
        var streets = scope.Path == "/"
            ? await db.Units.Where(u => u.ParentId == null).Select(u => u.Id).ToListAsync(ct)
            : [Unit.StreetOf(scope.Path)];
        var standards = await rules.StandardsAsync(year, ct);
        var tallies = new List<Tally>();
        foreach (var street in streets)
        {
            var prefix = $"/{street}/";
            prefix = prefix.Length > scope.Path.Length ? prefix : scope.Path;
            foreach (var tier in tiers)
            {
                var baseScore = standards.BaseOf(street, tier);
                var t = standards.StarsOf(street, tier).Thresholds;
                var rows = await (
                    from m in members.Within(prefix).Where(m => m.Tier == tier)
                    join p in db.MemberPoints.Where(p => p.Year == year) on m.Id equals p.MemberId into balances
                    from p in balances.DefaultIfEmpty()
                    select new { m.UnitId, Score = p == null ? baseScore : p.AssessmentScore })
                    .GroupBy(x => x.UnitId)
                    .Select(g => new
                    {
                        UnitId = g.Key,
                        N = g.Count(),
                        Sum = g.Sum(x => x.Score),
                        S1 = g.Count(x => x.Score >= t[0]),
                        S2 = g.Count(x => x.Score >= t[1]),
                        S3 = g.Count(x => x.Score >= t[2]),
                        S4 = g.Count(x => x.Score >= t[3]),
                        S5 = g.Count(x => x.Score >= t[4]),
                    }).ToListAsync(ct);
                tallies.AddRange(rows.Select(r => new Tally(r.UnitId, tier, r.N, r.Sum,
                    [r.N - r.S1, r.S1 - r.S2, r.S2 - r.S3, r.S3 - r.S4, r.S4 - r.S5, r.S5])));
            }
        }
        return tallies;
    }

    private static decimal[] Figures(Tally t) => [t.Members, t.ScoreSum, .. t.ByStars.Select(n => (decimal)n)];

    private static decimal[] Add(decimal[] a, decimal[] b) => a.Zip(b, (x, y) => x + y).ToArray();

    private Panel Panel(string key, string labelKey, IEnumerable<(string Label, decimal[] Sums)> rows) => new(key, text[$"Dashboard.Panel.{key}"],
        PanelChart.StackedBar,
        [text[labelKey], text["Dashboard.Members"], text["Dashboard.AverageScore"],
            .. Enumerable.Range(0, StarScale.MaxStars + 1).Select(n => n == 0 ? text["Dashboard.NoStar"].Value : StarScale.Glyphs(n))],
        rows.Select(r => (IReadOnlyList<object?>)[r.Label, (int)r.Sums[0], r.Sums[0] == 0 ? 0m : Math.Round(r.Sums[1] / r.Sums[0], 2, MidpointRounding.AwayFromZero),
            .. r.Sums.Skip(2).Select(n => (object?)(int)n)]).ToList(),
        Enumerable.Range(3, StarScale.MaxStars + 1).ToList());
}
