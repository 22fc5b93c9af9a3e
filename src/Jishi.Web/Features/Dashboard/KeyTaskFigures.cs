using Jishi.Web.Data;
using Jishi.Web.Features.Duties;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Dashboard;

/// <summary>The street's 重点任务 of the year by community: cells by status and the completion rate the review and the
/// grading use (<see cref="KeyTaskRules"/>); cells past their deadline and not done are overdue items.</summary>
public sealed class KeyTaskFigures(JishiDbContext db, IStringLocalizer<SharedResource> text) : IPanelSource, IOverdueSource
{
    private static readonly KeyTaskStatus[] Statuses = Enum.GetValues<KeyTaskStatus>();

    public async Task<IReadOnlyList<Panel>> PanelsAsync(DashboardScope scope, CancellationToken ct)
    {
        // A street has a handful of tasks a year, one cell per community: few enough rows to apply the rules in memory.
        var cells = await (
            from c in db.KeyTaskCells.AsNoTracking()
            join t in db.KeyTasks on c.KeyTaskId equals t.Id
            where t.Year == scope.Year
            join u in db.Units.Within(scope.Path) on c.UnitId equals u.Id
            select new { c.UnitId, c.Progress, c.CompletedOn, c.Deadline })
            .ToListAsync(ct);
        var rows = scope.Groups.Select(g =>
        {
            var own = cells.Where(c => scope.GroupOf(c.UnitId) == g.Id).ToList();
            var rate = KeyTaskRules.Rate(own.Select(c => (c.CompletedOn, c.Deadline)));
            return (IReadOnlyList<object?>)[g.Name, .. Statuses.Select(s => (object?)own.Count(c =>
                KeyTaskRules.Status(c.Progress, c.CompletedOn, c.Deadline, scope.Today) == s)),
                rate is { } r ? Math.Round(r * 100, 1) : null];
        }).ToList();
        return
        [
            new Panel("key-tasks", text["Dashboard.Panel.key-tasks"], PanelChart.StackedBar,
                [text["Dashboard.Unit"], .. Statuses.Select(s => text["KeyTasks.Status." + s].Value), text["Dashboard.CompletionRate"]],
                rows, Enumerable.Range(1, Statuses.Length).ToList(), Tones: Statuses.Select(Tone).ToList()),
        ];
    }

    private static SeriesTone Tone(KeyTaskStatus status) => status switch
    {
        KeyTaskStatus.InProgress => SeriesTone.Working,
        KeyTaskStatus.Done => SeriesTone.Done,
        KeyTaskStatus.Overdue => SeriesTone.Late,
        _ => SeriesTone.Idle,
    };

    public async Task<IReadOnlyList<OverdueItem>> OverdueAsync(DashboardScope scope, CancellationToken ct)
    {
        var today = scope.Today;
        return await (
            from c in db.KeyTaskCells.AsNoTracking()
            where c.CompletedOn == null && c.Deadline < today
            join t in db.KeyTasks on c.KeyTaskId equals t.Id
            join u in db.Units.Within(scope.Path) on c.UnitId equals u.Id
            select new OverdueItem("Dashboard.Kind.KeyTask", c.UnitId, u.Name, t.Title, c.Deadline))
            .ToListAsync(ct);
    }
}
