using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Turnaround;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Dashboard;

/// <summary>后进转化 of the year by community: plans by status and their overdue milestones; the milestones themselves are
/// overdue items (the rule is <see cref="TurnaroundQueries.SummaryAsync"/>'s).</summary>
public sealed class TurnaroundFigures(JishiDbContext db, TurnaroundQueries queries, IStringLocalizer<SharedResource> text)
    : IPanelSource, IOverdueSource
{
    private static readonly TurnaroundStatus[] Statuses = Enum.GetValues<TurnaroundStatus>();

    public async Task<IReadOnlyList<Panel>> PanelsAsync(DashboardScope scope, CancellationToken ct)
    {
        var counts = await (
            from p in db.TurnaroundPlans.AsNoTracking()
            where p.Year == scope.Year
            join u in db.Units.Within(scope.Path) on p.UnitId equals u.Id
            group p by new { p.UnitId, p.Status } into g
            select new { g.Key.UnitId, g.Key.Status, N = g.Count() })
            .ToListAsync(ct);
        var overdue = (await queries.SummaryAsync(scope.Path, scope.Year, ct)).Overdue;
        var byGroup = scope.SumByGroup(
            counts.Select(c => (c.UnitId, Statuses.Select(s => s == c.Status ? c.N : 0).Append(0).ToArray()))
                .Concat(overdue.Select(o => (o.UnitId, Statuses.Select(_ => 0).Append(1).ToArray()))),
            Statuses.Length + 1);
        return
        [
            new Panel("turnaround", text["Dashboard.Panel.turnaround"], PanelChart.StackedBar,
                [text["Dashboard.Unit"], .. Statuses.Select(s => text["Turnaround.Status." + s].Value), text["Dashboard.OverdueMilestones"]],
                byGroup.Select(g => (IReadOnlyList<object?>)[g.Group.Name, .. g.Sums.Select(n => (object?)n)]).ToList(),
                Enumerable.Range(1, Statuses.Length).ToList(), Tones: Statuses.Select(Tone).ToList()),
        ];
    }

    private static SeriesTone Tone(TurnaroundStatus status) => status switch
    {
        TurnaroundStatus.Active => SeriesTone.Working,
        TurnaroundStatus.Completed => SeriesTone.Done,
        _ => SeriesTone.Idle,
    };

    public async Task<IReadOnlyList<OverdueItem>> OverdueAsync(DashboardScope scope, CancellationToken ct) =>
        (await queries.SummaryAsync(scope.Path, null, ct)).Overdue
            .Select(o => new OverdueItem("Dashboard.Kind.Milestone", o.UnitId, o.CommunityName + " · " + o.BranchName, o.Title, o.DueOn))
            .ToList();
}
