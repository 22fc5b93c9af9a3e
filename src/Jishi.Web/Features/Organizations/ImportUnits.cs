using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Organizations;

/// <summary>Imports an organization list in the national layout under a unit of the caller's subtree, all or nothing:
/// the file is read and the whole tree checked (<see cref="OrgTreePlan"/>) before anything is written.</summary>
public sealed class ImportUnits(JishiDbContext db, CurrentUser user, IStringLocalizer<SharedResource> text)
{
    public const int MaxRows = 5000;
    private const int MaxColumns = 40;
    private const int HeaderSearchRows = 10;
    private const int MaxLength = 100;

    public async Task<Result<ImportSummary>> HandleAsync(Stream file, int parentId, CancellationToken ct)
    {
        if (await db.FindVisibleUnitAsync(user, parentId, ct) is not { } target)
        {
            return Error.NotFound("Entity.Unit");
        }
        var opened = await ExcelUpload.OpenAsync(file, text, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }
        await using var content = opened.Value!;
        List<OrgTreePlan.Row> rows;
        try
        {
            var read = Read(content);
            if (read.Error is { } error)
            {
                return error;
            }
            rows = read.Rows;
        }
        catch (InvalidDataException)
        {
            return ImportFailed.OfFile(text, "Import.NotXlsx");
        }
        var subtree = await db.Units.Within(target.Path).ToListAsync(ct);
        var existing = subtree.Select(u => new OrgTreePlan.Existing(u.Id, u.ParentId, u.Name, u.Kind)).ToList();
        var plan = OrgTreePlan.Build(rows, existing.First(e => e.Id == target.Id), existing);
        var problems = plan.Problems.Concat(TooLong(rows)).OrderBy(p => p.Row).ThenBy(p => p.Column).ToList();
        if (problems.Count > 0)
        {
            return new ImportFailed(problems.Take(ImportMembers.MaxListedErrors).Select(p =>
            {
                var header = OrgLayout.Header(p.Column);
                return new ImportProblem(p.Row, header, text["Import.CellError", p.Row, header, text.Format(p.Code, p.Args)].Value);
            }).ToList());
        }
        await InsertAsync(plan.Nodes, rows, subtree, ct);
        return new ImportSummary(plan.Nodes.Count);
    }

    /// <summary>The data rows under the first row (of the first ten) that names 党组织名称; 序号 is read past.</summary>
    private (List<OrgTreePlan.Row> Rows, ImportFailed? Error) Read(Stream content)
    {
        Dictionary<int, OrgColumn>? header = null;
        var rows = new List<OrgTreePlan.Row>();
        foreach (var row in XlsxReader.ReadRows(content, OrgLayout.SheetName, MaxRows + HeaderSearchRows + 1, MaxColumns))
        {
            if (header is null ? row.IsBlank : row.IsBlankIn(header.Keys))
            {
                continue;
            }
            if (header is null)
            {
                var headers = row.Cells.Select(ExcelCells.HeaderOf).ToArray();
                if (!headers.Contains(OrgLayout.Header(OrgColumn.Name)))
                {
                    if (row.Number >= HeaderSearchRows)
                    {
                        break;
                    }
                    continue;
                }
                if (headers.FirstOrDefault(h => h is not null && h != OrgLayout.NumberHeader && OrgLayout.Match(h) is null) is { } unknown)
                {
                    return ([], ImportFailed.OfFile(text, "OrgImport.UnknownColumn", StatusCodes.Status400BadRequest, unknown));
                }
                header = [];
                for (var i = 0; i < headers.Length; i++)
                {
                    if (headers[i] is { } h && OrgLayout.Match(h) is { } column && !header.ContainsValue(column))
                    {
                        header[i] = column;
                    }
                }
                continue;
            }
            if (rows.Count == MaxRows)
            {
                return ([], ImportFailed.OfFile(text, "Import.TooManyRows", StatusCodes.Status400BadRequest, MaxRows));
            }
            var cells = new Dictionary<OrgColumn, string>();
            foreach (var (index, column) in header)
            {
                if (ExcelCells.TextOf(row.Cells[index]) is { } value)
                {
                    cells[column] = column == OrgColumn.CreditCode ? value.ToUpperInvariant() : value;
                }
            }
            rows.Add(new OrgTreePlan.Row(row.Number, cells));
        }
        return header is null ? ([], ImportFailed.OfFile(text, "OrgImport.HeaderMissing", StatusCodes.Status400BadRequest, OrgLayout.Header(OrgColumn.Name)))
            : rows.Count == 0 ? ([], ImportFailed.OfFile(text, "OrgImport.NoRows"))
            : (rows, null);
    }

    private static IEnumerable<OrgTreePlan.Problem> TooLong(IEnumerable<OrgTreePlan.Row> rows) =>
        rows.SelectMany(r => r.Cells.Where(c => c.Value.Length > MaxLength)
            .Select(c => new OrgTreePlan.Problem(r.Number, c.Key, "OrgImport.TooLong", MaxLength)));

    /// <summary>One level at a time, so that each unit's parent has its id and path when the unit gets its own.</summary>
    private async Task InsertAsync(IReadOnlyList<OrgTreePlan.Node> nodes, IReadOnlyList<OrgTreePlan.Row> rows, List<Unit> subtree, CancellationToken ct)
    {
        var created = new Dictionary<OrgTreePlan.Row, Unit>();
        var byId = subtree.ToDictionary(u => u.Id);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var level in nodes.GroupBy(n => n.Kind))
        {
            var units = level.Select(n =>
            {
                var parent = n.ParentRow is { } r ? created[rows[r]] : byId[n.ParentUnitId!.Value];
                var unit = new Unit(n.Row[OrgColumn.Name]!, n.Kind, parent) { SortOrder = n.Row.Number };
                unit.SetItems(OrgLayout.Columns.Where(c => c is not OrgColumn.Name and not OrgColumn.ParentName)
                    .ToDictionary(c => c, c => n.Row[c]));
                created[n.Row] = unit;
                return unit;
            }).ToList();
            db.Units.AddRange(units);
            await db.SaveChangesAsync(ct);
            units.ForEach(u => u.AssignPath());
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
    }
}
