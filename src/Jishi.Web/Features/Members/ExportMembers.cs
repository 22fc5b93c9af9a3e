using System.Data;
using System.Globalization;
using Jishi.Web.Data;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Members;

/// <summary>Writes the roster workbook: the filtered roster (ID numbers and phones masked for those who may not see
/// them) and the empty import template with its 填写说明 sheet. Both use <see cref="MemberExcelColumns"/>, so an export
/// imports back unchanged.</summary>
public sealed class ExportMembers(JishiDbContext db, CurrentUser user, ListMembers list, TimeProvider clock,
    IStringLocalizer<SharedResource> text)
{
    public sealed record Request(int? UnitId = null, string? Q = null, string? Tier = null, MemberStatus? Status = null,
        MemberCategory? Category = null);

    public async Task<Result<ExcelFile>> ExportAsync(Request r, CancellationToken ct)
    {
        if (await list.FilterAsync(new ListMembers.Request(r.UnitId, r.Q, r.Tier, r.Status, r.Category), ct) is not { } query
            || await UnitNames.LoadAsync(db, user, r.UnitId, ct) is not { } units)
        {
            return Error.NotFound("Entity.Unit");
        }
        var members = await query.OrderBy(m => m.Unit!.Path).ThenBy(m => m.Id).ToListAsync(ct);
        var clear = user.SeesSensitiveData;
        var sheet = RosterTable();
        // Columns an imported roster brought that Jishi has no field for go out again after Jishi's own.
        var extras = members.SelectMany(m => m.ExtraFields.Keys).Distinct().ToList();
        sheet.Columns.AddRange(extras.Select(e => new DataColumn(e, typeof(string))).ToArray());
        foreach (var m in members)
        {
            var row = sheet.NewRow();
            foreach (var column in MemberExcelColumns.All)
            {
                row[column.Header] = (column.Kind switch
                {
                    MemberExcelKind.Unit => units.NameOf(m.UnitId),
                    MemberExcelKind.IdNumber when !clear => Masking.IdNumber(m.IdNumber),
                    MemberExcelKind.Phone when !clear => Masking.Phone(column.Get(m) as string),
                    _ => Write(column, column.Get(m)),
                }) ?? (object)DBNull.Value;
            }
            foreach (var (header, value) in m.ExtraFields)
            {
                row[header] = value;
            }
            sheet.Rows.Add(row);
        }
        var today = clock.GetLocalNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return new ExcelFile(text["MemberExcel.ExportFileName", units.Root.Name, today].Value,
            XlsxWriter.Write(Sheet(MemberExcelColumns.SheetName, sheet, extras)));
    }

    /// <summary>The header row alone, and a second sheet that explains each column, its allowed values (the tiers
    /// included) and the names of the units a row may name.</summary>
    public async Task<Result<ExcelFile>> TemplateAsync(int? unitId, CancellationToken ct)
    {
        if (await UnitNames.LoadAsync(db, user, unitId, ct) is not { } units)
        {
            return Error.NotFound("Entity.Unit");
        }
        var tiers = await db.MemberTiers.Where(t => t.IsActive).OrderBy(t => t.SortOrder).Select(t => t.Name).ToListAsync(ct);
        var notes = new DataTable();
        var (item, required, how) = (text["MemberExcel.NoteItem"].Value, text["MemberExcel.NoteRequired"].Value, text["MemberExcel.NoteHow"].Value);
        notes.Columns.AddRange([new DataColumn(item), new DataColumn(required), new DataColumn(how)]);
        foreach (var column in MemberExcelColumns.All)
        {
            var note = text[column.NoteKey].Value;
            if (column.Choices is { } choices)
            {
                note += text["MemberExcel.AllowedValues", string.Join("、", choices.Select(c => c.Text))].Value;
            }
            else if (column.Property == nameof(Member.Tier))
            {
                note += text["MemberExcel.AllowedValues", string.Join("、", tiers)].Value + text["Roster.Note.TierDerived"].Value;
            }
            notes.Rows.Add(column.Header, column.Required ? text["MemberExcel.Required"].Value : text["MemberExcel.Optional"].Value, note);
        }
        foreach (var rule in new[] { "MemberExcel.Rule.Header", "MemberExcel.Rule.AllOrNothing", "MemberExcel.Rule.Dates", "MemberExcel.Rule.Text" })
        {
            notes.Rows.Add(text["MemberExcel.Rules"].Value, "", text[rule].Value);
        }
        foreach (var unit in units.Units)
        {
            notes.Rows.Add(text["MemberExcel.UnitNames"].Value, "", units.NameOf(unit.Id));
        }
        return new ExcelFile(text["MemberExcel.TemplateFileName"].Value,
            XlsxWriter.Write(Sheet(MemberExcelColumns.SheetName, RosterTable(), []), XlsxSheet.Of(MemberExcelColumns.NotesSheetName, notes, (item, 20), (required, 10), (how, 100))));
    }

    private static DataTable RosterTable()
    {
        var table = new DataTable();
        table.Columns.AddRange(MemberExcelColumns.All.Select(c => new DataColumn(c.Header, typeof(string))).ToArray());
        return table;
    }

    /// <summary>Values as text the import reads back: dates as yyyy-MM-dd, choices as their words.</summary>
    private static string? Write(MemberExcelColumn column, object? value) => value switch
    {
        _ when column.Choices is not null => column.TextOf(value),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => value?.ToString(),
    };

    /// <summary>A roster sheet with the columns' widths; extra columns as wide as their header.</summary>
    private static XlsxSheet Sheet(string name, DataTable table, IEnumerable<string> extras) =>
        XlsxSheet.Of(name, table, MemberExcelColumns.All.Select(c => (c.Header, (double)c.Width))
            .Concat(extras.Select(e => (e, 2.0 * e.Length + 6))).ToArray());
}
