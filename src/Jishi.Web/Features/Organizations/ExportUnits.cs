using System.Data;
using System.Globalization;
using Jishi.Web.Data;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Organizations;

/// <summary>Writes an organization list in the national layout (<see cref="OrgLayout"/>): a subtree, parents before
/// children, each row naming its parent; a top row's parent is blank, so the file imports back under any unit as it
/// came out. A street is the place a list is imported under, so it is not a row of its own list.</summary>
public sealed class ExportUnits(JishiDbContext db, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public async Task<Result<ExcelFile>> ExportAsync(int? unitId, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        var top = unitId is { } id ? await db.FindVisibleUnitAsync(user, id, ct)
            : await db.Units.Within(scope).OrderBy(u => u.Path.Length).FirstOrDefaultAsync(ct);
        if (top is null)
        {
            return Error.NotFound("Entity.Unit");
        }
        var units = await db.Units.AsNoTracking().Within(top.Path).Where(u => !u.IsArchived).ToListAsync(ct);
        var sheet = Table();
        var number = 0;
        foreach (var unit in TreeOrder(units, top))
        {
            var row = sheet.NewRow();
            row[OrgLayout.NumberHeader] = (++number).ToString(CultureInfo.InvariantCulture);
            foreach (var column in OrgLayout.Columns)
            {
                row[OrgLayout.Header(column)] = (column == OrgColumn.ParentName
                    ? unit.Id == top.Id || unit.ParentId == top.Id && top.Kind == UnitKind.Street ? null : units.First(u => u.Id == unit.ParentId).Name
                    : unit.ItemOf(column)) ?? (object)DBNull.Value;
            }
            sheet.Rows.Add(row);
        }
        var today = clock.GetLocalNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return new ExcelFile(text["OrgImport.ExportFileName", top.Name, today].Value, Save(sheet));
    }

    /// <summary>The header row alone.</summary>
    public ExcelFile Template() => new(text["OrgImport.TemplateFileName"].Value, Save(Table()));

    /// <summary>Depth first, siblings in their order; the top unit first unless it is a street.</summary>
    private static IEnumerable<Unit> TreeOrder(List<Unit> units, Unit top)
    {
        var children = units.OrderBy(u => u.SortOrder).ThenBy(u => u.Id).ToLookup(u => u.ParentId);
        var stack = new Stack<Unit>(top.Kind == UnitKind.Street ? children[top.Id].Reverse() : [units.First(u => u.Id == top.Id)]);
        while (stack.Count > 0)
        {
            var unit = stack.Pop();
            yield return unit;
            foreach (var child in children[unit.Id].Reverse())
            {
                stack.Push(child);
            }
        }
    }

    private static DataTable Table()
    {
        var table = new DataTable();
        table.Columns.Add(new DataColumn(OrgLayout.NumberHeader, typeof(string)));
        table.Columns.AddRange(OrgLayout.Columns.Select(c => new DataColumn(OrgLayout.Header(c), typeof(string))).ToArray());
        return table;
    }

    /// <summary>Name columns wider than the rest.</summary>
    private static byte[] Save(DataTable sheet) => XlsxWriter.Write(XlsxSheet.Of(OrgLayout.SheetName, sheet,
        [(OrgLayout.NumberHeader, 6), .. OrgLayout.Columns.Select(c =>
            (OrgLayout.Header(c), c is OrgColumn.Name or OrgColumn.EmployerName or OrgColumn.ParentName ? 30d : 16d))]));
}
