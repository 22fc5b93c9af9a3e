using Microsoft.Extensions.Localization;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Dashboard;

/// <summary>Something past its due date and not done: a 整改 task today; turnaround milestones and key tasks join by
/// implementing <see cref="IOverdueSource"/> and adding one line to <see cref="DashboardSetup"/>.</summary>
/// <param name="Kind">Resource key of what it is ("Dashboard.Kind.Rectification").</param>
public sealed record OverdueItem(string Kind, int UnitId, string UnitName, string Title, DateOnly DueDate);

/// <summary>One kind of thing that can be overdue, read for the caller's scope.</summary>
public interface IOverdueSource
{
    /// <summary>The items of the scope due before <see cref="DashboardScope.Today"/> and not done.</summary>
    Task<IReadOnlyList<OverdueItem>> OverdueAsync(DashboardScope scope, CancellationToken ct);
}

/// <summary>The overdue list: every source's items, the longest overdue first.</summary>
public sealed class OverdueItems(IEnumerable<IOverdueSource> sources, IStringLocalizer<SharedResource> text) : IPanelSource
{
    public async Task<IReadOnlyList<OverdueItem>> ListAsync(DashboardScope scope, CancellationToken ct)
    {
        var items = new List<OverdueItem>();
        foreach (var source in sources)
        {
            items.AddRange(await source.OverdueAsync(scope, ct));
        }
        return items.OrderBy(i => i.DueDate).ThenBy(i => i.UnitName, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<Panel>> PanelsAsync(DashboardScope scope, CancellationToken ct) =>
    [
        new Panel("overdue", text["Dashboard.Panel.overdue"], PanelChart.Table,
            [text["Dashboard.Kind"], text["Dashboard.Unit"], text["Dashboard.ItemTitle"], text["Dashboard.DueDate"], text["Dashboard.DaysOverdue"]],
            (await ListAsync(scope, ct)).Select(i => (IReadOnlyList<object?>)[text[i.Kind].Value, i.UnitName, i.Title, i.DueDate,
                scope.Today.DayNumber - i.DueDate.DayNumber]).ToList(),
            []),
    ];
}
