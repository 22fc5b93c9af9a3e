namespace Jishi.Web.Features.Dashboard;

/// <summary>How a panel's table is drawn: each numeric column after the first is a series over the rows (bars side by side,
/// stacked, or lines); <see cref="Table"/> panels are lists without a chart.</summary>
public enum PanelChart
{
    Bar,
    StackedBar,
    Line,
    Table,
}

/// <summary>One panel of the dashboard: a table whose first column labels the rows. The same table feeds the chart, the table
/// view and the Excel sheet, so the three cannot disagree.</summary>
/// <param name="Key">Stable name of the panel ("points-stars"), used by the export and the page.</param>
/// <param name="Rows">Cells are strings, numbers or dates, one per column.</param>
/// <param name="Series">The columns the chart draws, by index; the others (totals, averages) are in the table only.</param>
/// <param name="Tones">What each entry of <paramref name="Series"/> means, for its colour (逾期 is red wherever it is drawn);
/// without them the series take the palette in order.</param>
public sealed record Panel(string Key, string Title, PanelChart Chart, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows,
    IReadOnlyList<int> Series, string? Note = null, IReadOnlyList<SeriesTone>? Tones = null);

/// <summary>The meaning of a status series, which fixes its colour in every chart and legend (js/dashboard.js).</summary>
public enum SeriesTone
{
    /// <summary>Not started or cancelled: grey.</summary>
    Idle,

    /// <summary>Under way: blue.</summary>
    Working,

    /// <summary>Waiting for someone's check: orange.</summary>
    Waiting,

    /// <summary>Done: green.</summary>
    Done,

    /// <summary>Overdue (逾期): red.</summary>
    Late,
}

/// <summary>A source of panels, usually one per feature whose figures it reads. Adding a panel to the dashboard is one such class
/// and one line in <see cref="DashboardSetup.Sources"/>.</summary>
public interface IPanelSource
{
    Task<IReadOnlyList<Panel>> PanelsAsync(DashboardScope scope, CancellationToken ct);
}
