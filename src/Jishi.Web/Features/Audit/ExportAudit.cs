using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Jishi.Web.Features.Audit;

/// <summary>GET /api/audit/export: the filtered audit log as an Excel workbook, newest first.</summary>
public static class ExportAudit
{
    /// <summary>A workbook is for reading, not a backup: beyond this many rows the user narrows the filter.</summary>
    public const int MaxRows = 100_000;

    public static async Task<IResult> HandleAsync([AsParameters] ListAudit.Request request, ListAudit handler,
        IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var rows = await handler.Filter(request).OrderByDescending(a => a.Id).Take(MaxRows).ToListAsync(ct);
        var sheet = rows.Select(a => new Dictionary<string, object?>
        {
            [text["Audit.At"]] = a.At.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + "Z",
            [text["Audit.User"]] = a.UserName,
            [text["Audit.Action"]] = a.Action,
            [text["Audit.Entity"]] = a.Entity,
            [text["Audit.Key"]] = a.Key,
            [text["Audit.Before"]] = a.Before,
            [text["Audit.After"]] = a.After,
        }).ToList();
        var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, sheet, sheetName: "audit", cancellationToken: ct);
        stream.Position = 0;
        return TypedResults.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "audit.xlsx");
    }
}
