using System.Data;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Excel;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Points;

/// <summary>The year-end 积分考评 sheet as .xlsx: the same rows and numbers as GET /api/points/year-end, scores and ranks as
/// numbers so the committee can sort and sum them.</summary>
public sealed class YearEndWorkbook(PointsBoards boards, IStringLocalizer<SharedResource> text)
{
    private static readonly (string Key, int Width)[] Columns =
    [
        ("YearEnd.Rank", 8), ("YearEnd.Name", 14), ("YearEnd.Unit", 30), ("YearEnd.Tier", 12), ("YearEnd.Score", 12),
        ("YearEnd.Stars", 10), ("YearEnd.Band", 12),
    ];

    public async Task<Result<ExcelFile>> ExportAsync(PointsBoards.ScopeRequest r, CancellationToken ct)
    {
        var result = await boards.YearEndAsync(r, ct);
        if (result.Error is { } error)
        {
            return error;
        }
        var sheet = result.Value!;
        var headers = Columns.Select(c => text[c.Key].Value).ToArray();
        var table = new DataTable();
        table.Columns.AddRange([
            new DataColumn(headers[0], typeof(int)), new DataColumn(headers[1]), new DataColumn(headers[2]), new DataColumn(headers[3]),
            new DataColumn(headers[4], typeof(decimal)), new DataColumn(headers[5]), new DataColumn(headers[6]),
        ]);
        foreach (var row in sheet.Rows)
        {
            table.Rows.Add(row.Rank > 0 ? row.Rank : DBNull.Value, row.Name, row.UnitName, row.Tier, row.AssessmentScore, StarsText(text, row.StarLevel), BandText(text, row.Band));
        }
        var content = XlsxWriter.Write(XlsxSheet.Of(text["YearEnd.SheetName"].Value, table, headers.Select((h, i) => (h, (double)Columns[i].Width)).ToArray()));
        return new ExcelFile(text["YearEnd.FileName", sheet.UnitName, sheet.Year].Value, content);
    }

    public static string StarsText(IStringLocalizer text, int stars) => stars > 0 ? StarScale.Glyphs(stars) : text["Points.Unqualified"].Value;

    public static string BandText(IStringLocalizer text, YearEndBand band) => text["YearEnd.Band." + band].Value;
}
