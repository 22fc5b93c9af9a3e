using System.Data;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Excel;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Dashboard;

/// <summary>The panels of a year, in page order.</summary>
public sealed record DashboardView(int Year, IReadOnlyList<Panel> Panels);

/// <summary>Assembles the dashboard from its panel sources for the caller's scope, and its Excel workbook (a sheet per panel).</summary>
public sealed class DashboardBoard(IServiceProvider services, DashboardScopes scopes, IStringLocalizer<SharedResource> text)
{
    /// <param name="source">One source's name (<see cref="DashboardSetup.Sources"/>), or null for all of them.</param>
    public async Task<DashboardView> ViewAsync(int? year, string? source, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(year, ct);
        var panels = new List<Panel>();
        foreach (var (name, type) in DashboardSetup.Sources.Where(s => source is null || s.Name == source))
        {
            panels.AddRange(await ((IPanelSource)services.GetRequiredService(type)).PanelsAsync(scope, ct));
        }
        return new DashboardView(scope.Year, panels);
    }

    /// <summary>The workbook of every panel, or of the one named <paramref name="panel"/>; null for an unknown panel.</summary>
    public async Task<ExcelFile?> WorkbookAsync(int? year, string? panel, CancellationToken ct)
    {
        var view = await ViewAsync(year, null, ct);
        var panels = view.Panels.Where(p => panel is null || p.Key == panel).ToList();
        if (panels.Count == 0)
        {
            return null;
        }
        var content = XlsxWriter.Write(panels.Select(p => XlsxSheet.Of(SheetName(p.Title), Table(p))));
        var name = panel is null ? text["Dashboard.FileName", view.Year] : text["Dashboard.PanelFileName", panels[0].Title, view.Year];
        return new ExcelFile(name, content);
    }

    private static DataTable Table(Panel panel)
    {
        var table = new DataTable();
        foreach (var (title, i) in panel.Columns.Select((c, i) => (c, i)))
        {
            // Numbers stay numbers in Excel; dates are written as dates.
            var type = panel.Rows.Select(r => r[i]).FirstOrDefault(v => v is not null) switch
            {
                int => typeof(int),
                decimal => typeof(decimal),
                double => typeof(double),
                DateOnly => typeof(DateTime),
                _ => typeof(string),
            };
            table.Columns.Add(new DataColumn(title, type));
        }
        foreach (var row in panel.Rows)
        {
            table.Rows.Add(row.Select(v => v switch
            {
                null => DBNull.Value,
                DateOnly d => d.ToDateTime(TimeOnly.MinValue),
                _ => v,
            }).ToArray());
        }
        return table;
    }

    /// <summary>Excel allows 31 characters and none of []:*?/\ in a sheet's name.</summary>
    private static string SheetName(string title)
    {
        var clean = new string(title.Select(c => "[]:*?/\\".Contains(c) ? '_' : c).ToArray());
        return clean.Length > 31 ? clean[..31] : clean;
    }
}
