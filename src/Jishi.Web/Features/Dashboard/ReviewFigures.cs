using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Reviews;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Dashboard;

/// <summary>述职评议 results: the composite scores of the latest published campaign up to the year, and the trend of each
/// community's composite score over the published campaigns of the last years. Only published results are shown: before
/// publication they are the committee's to discuss, not the dashboard's. Scores come from the running tallies.</summary>
public sealed class ReviewFigures(JishiDbContext db, IStringLocalizer<SharedResource> text) : IPanelSource
{
    public const int TrendYears = 5;

    public sealed record SubjectScore(int UnitId, string UnitName, string Name, double BallotScore, double? DailyScore, double CompositeScore,
        string Band, int Rank);

    public async Task<IReadOnlyList<Panel>> PanelsAsync(DashboardScope scope, CancellationToken ct)
    {
        var campaigns = await db.ReviewCampaigns.AsNoTracking()
            .Where(c => c.Status == ReviewStatus.Published && c.Year <= scope.Year && c.Year > scope.Year - TrendYears
                && c.Subjects.Any(s => db.Units.Within(scope.Path).Any(u => u.Id == s.UnitId)))
            .OrderBy(c => c.Year).ThenBy(c => c.Id).Select(c => new { c.Id, c.Year, c.Title }).ToListAsync(ct);
        var scores = new List<(int Year, IReadOnlyList<SubjectScore> Scores)>();
        foreach (var c in campaigns)
        {
            scores.Add((c.Year, await ScoresAsync(c.Id, scope, ct)));
        }
        var latest = scores.LastOrDefault().Scores ?? [];
        var results = new Panel("review-results", text["Dashboard.Panel.review-results"], PanelChart.Bar,
            [text["Dashboard.Unit"], text["Dashboard.Secretary"], text["Dashboard.BallotScore"], text["Dashboard.DailyScore"],
                text["Dashboard.CompositeScore"], text["Dashboard.Band"], text["Dashboard.Rank"]],
            latest.Select(s => (IReadOnlyList<object?>)[s.UnitName, s.Name, Round(s.BallotScore), s.DailyScore is { } d ? Round(d) : null,
                Round(s.CompositeScore), s.Band, s.Rank]).ToList(),
            [4], campaigns.LastOrDefault()?.Title);
        // One line per community, one point per campaign year; a year with two campaigns shows the later one.
        var byYear = scores.GroupBy(s => s.Year).Select(g => g.Last()).ToList();
        var trend = new Panel("review-trend", text["Dashboard.Panel.review-trend"], PanelChart.Line,
            [text["Dashboard.Year"], .. scope.Groups.Select(g => g.Name)],
            byYear.Select(y => (IReadOnlyList<object?>)[y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                .. scope.Groups.Select(g => y.Scores.FirstOrDefault(s => scope.GroupOf(s.UnitId) == g.Id) is { } s ? (object?)Round(s.CompositeScore) : null)]).ToList(),
            Enumerable.Range(1, scope.Groups.Count).ToList());
        return [results, trend];
    }

    /// <summary>The scores of a campaign's subjects inside the scope, ranked within the whole campaign.</summary>
    public async Task<IReadOnlyList<SubjectScore>> ScoresAsync(int campaignId, DashboardScope scope, CancellationToken ct)
    {
        var campaign = await db.ReviewCampaigns.AsNoTracking().Include(c => c.Subjects).Include(c => c.VoterGroups).AsSplitQuery()
            .FirstAsync(c => c.Id == campaignId, ct);
        var counts = await db.BallotTallies.Where(t => t.CampaignId == campaignId && t.Count > 0)
            .Select(t => new ReviewScoring.Count(t.SubjectId, t.VoterGroupId, t.Grade, t.Count, t.DimensionId)).ToListAsync(ct);
        var computed = ReviewScoring.Compute(
            campaign.Subjects.Select(s => new ReviewScoring.SubjectInput(s.Id, s.DailyScore, s.Veto)).ToList(),
            campaign.VoterGroups.Select(g => new ReviewScoring.GroupInput(g.Id, g.Weight)).ToList(), counts, campaign.Scale, campaign.BallotWeight);
        var unitIds = campaign.Subjects.Select(s => s.UnitId).ToList();
        var units = await db.Units.AsNoTracking().Within(scope.Path).Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var subjects = campaign.Subjects.ToDictionary(s => s.Id);
        return computed.Where(s => units.ContainsKey(subjects[s.SubjectId].UnitId)).OrderBy(s => s.Rank).ThenBy(s => s.SubjectId)
            .Select(s => new SubjectScore(subjects[s.SubjectId].UnitId, units[subjects[s.SubjectId].UnitId], subjects[s.SubjectId].Name,
                s.BallotScore, s.DailyScore, s.CompositeScore, s.Band.Name(), s.Rank))
            .ToList();
    }

    private static double Round(double value) => ReviewScoring.Round(value);
}
