using Jishi.Web.Shared;
using Jishi.Web.Shared.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

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
        var sheet = new XlsxSheet("audit", new[] { "Audit.At", "Audit.User", "Audit.Action", "Audit.Entity", "Audit.Key", "Audit.Before", "Audit.After" }
            .Select(k => text[k].Value).ToArray());
        foreach (var a in rows)
        {
            sheet.Add(a.At.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + "Z", a.UserName, a.Action, a.Entity,
                a.Key, a.Before, a.After);
        }
        return TypedResults.File(XlsxWriter.Write(sheet), XlsxWriter.ContentType, "audit.xlsx");
    }
}
