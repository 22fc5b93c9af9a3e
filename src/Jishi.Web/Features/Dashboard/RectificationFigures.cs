using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Reviews;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Dashboard;

/// <summary>整改 progress by community: tasks of the campaigns up to the year by status, and how many are overdue today
/// (not yet 销号 past their deadline). Tasks of later campaigns do not show when looking back at a year.</summary>
public sealed class RectificationFigures(JishiDbContext db, IStringLocalizer<SharedResource> text) : IPanelSource, IOverdueSource
{
    private static readonly RectificationStatus[] Statuses = Enum.GetValues<RectificationStatus>();

    public async Task<IReadOnlyList<Panel>> PanelsAsync(DashboardScope scope, CancellationToken ct)
    {
        var today = scope.Today;
        var rows = await (
            from t in Tasks(scope)
            group t by new { t.UnitId, t.Status } into g
            select new { g.Key.UnitId, g.Key.Status, N = g.Count(), Overdue = g.Count(t => t.Status != RectificationStatus.Closed && t.Deadline < today) })
            .ToListAsync(ct);
        var byGroup = scope.SumByGroup(
            rows.Select(r => (r.UnitId, Statuses.Select(s => s == r.Status ? r.N : 0).Append(r.N).Append(r.Overdue).ToArray())),
            Statuses.Length + 2);
        return
        [
            new Panel("rectifications", text["Dashboard.Panel.rectifications"], PanelChart.StackedBar,
                [text["Dashboard.Unit"], .. Statuses.Select(s => text["Rectification.Status." + s].Value), text["Dashboard.Total"], text["Dashboard.Overdue"]],
                byGroup.Select(g => (IReadOnlyList<object?>)[g.Group.Name, .. g.Sums.Select(n => (object?)n)]).ToList(),
                Enumerable.Range(1, Statuses.Length).ToList(), Tones: Statuses.Select(Tone).ToList()),
        ];
    }

    private static SeriesTone Tone(RectificationStatus status) => status switch
    {
        RectificationStatus.InProgress => SeriesTone.Working,
        RectificationStatus.AwaitingVerification => SeriesTone.Waiting,
        RectificationStatus.Closed => SeriesTone.Done,
        _ => SeriesTone.Idle,
    };

    public async Task<IReadOnlyList<OverdueItem>> OverdueAsync(DashboardScope scope, CancellationToken ct)
    {
        var today = scope.Today;
        return await (
            from t in db.Rectifications.AsNoTracking()
            where t.Status != RectificationStatus.Closed && t.Deadline < today
            join u in db.Units.Within(scope.Path) on t.UnitId equals u.Id
            select new OverdueItem("Dashboard.Kind.Rectification", t.UnitId, u.Name, t.Problem, t.Deadline))
            .ToListAsync(ct);
    }

    private IQueryable<Rectification> Tasks(DashboardScope scope) =>
        from t in db.Rectifications.AsNoTracking()
        join c in db.ReviewCampaigns on t.CampaignId equals c.Id
        where c.Year <= scope.Year
        join u in db.Units.Within(scope.Path) on t.UnitId equals u.Id
        select t;
}
