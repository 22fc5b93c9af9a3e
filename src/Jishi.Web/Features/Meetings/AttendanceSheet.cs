using System.Data;
using System.Globalization;
using Jishi.Web.Features.Members;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Excel;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Meetings;

/// <summary>The attendance sheet (签到表) of a unit: a template listing the unit's members with an empty 出席情况 column, and
/// its import, all or nothing, which records the meeting like POST /api/meetings. A blank 出席情况 leaves the member off
/// the meeting (a 支委会 expects only the committee); every bad cell is listed with its row and column.</summary>
public sealed class AttendanceSheet(MeetingQueries queries, RecordMeeting record, IStringLocalizer<SharedResource> text)
{
    public const string SheetName = "签到表";
    private const int MaxRows = 5000;
    private const int MaxColumns = 10;
    private const string IdColumn = "编号";
    private const string NameColumn = "姓名";
    private const string IdTailColumn = "身份证号后四位";
    private const string UnitColumn = "所在组织";
    private const string StatusColumn = "出席情况";

    /// <summary>The words of the 出席情况 column; the first of each status is the one the template and the screens use.</summary>
    public static readonly IReadOnlyList<(string Text, AttendanceStatus Status)> Words =
    [
        ("出席", AttendanceStatus.Present), ("迟到早退", AttendanceStatus.Late), ("请假", AttendanceStatus.Excused), ("缺席", AttendanceStatus.Absent),
        ("迟到", AttendanceStatus.Late), ("早退", AttendanceStatus.Late), ("无故缺席", AttendanceStatus.Absent),
    ];

    public async Task<Result<ExcelFile>> TemplateAsync(int? unitId, CancellationToken ct)
    {
        var expected = await queries.ExpectedAsync(unitId, ct);
        if (expected.Error is { } error)
        {
            return error;
        }
        var sheet = new DataTable();
        sheet.Columns.AddRange([new DataColumn(IdColumn, typeof(int)), new DataColumn(NameColumn), new DataColumn(IdTailColumn),
            new DataColumn(UnitColumn), new DataColumn(StatusColumn)]);
        foreach (var m in expected.Value!)
        {
            sheet.Rows.Add(m.Id, m.Name, m.IdNumberTail, m.UnitName, DBNull.Value);
        }
        var notes = new DataTable();
        notes.Columns.Add(new DataColumn(text["Meetings.SheetNotes"].Value));
        foreach (var key in new[] { "Meetings.SheetNote.Status", "Meetings.SheetNote.Blank", "Meetings.SheetNote.Rows" })
        {
            notes.Rows.Add(text[key, string.Join("、", Words.Take(4).Select(w => w.Text))].Value);
        }
        var content = XlsxWriter.Write(XlsxSheet.Of(SheetName, sheet, (IdColumn, 10), (NameColumn, 14), (IdTailColumn, 16), (UnitColumn, 20), (StatusColumn, 14)),
            XlsxSheet.Of(text["Meetings.SheetNotes"].Value, notes, (text["Meetings.SheetNotes"].Value, 90)));
        return new ExcelFile(text["Meetings.TemplateFileName"].Value, content);
    }

    /// <summary>Reads the sheet and records the meeting; nothing is saved when any cell is wrong.</summary>
    public async Task<Result<MeetingSaved>> ImportAsync(Stream file, MeetingRequest meeting, CancellationToken ct)
    {
        var expected = await queries.ExpectedAsync(meeting.UnitId, ct);
        if (expected.Error is { } notFound)
        {
            return notFound;
        }
        var opened = await ExcelUpload.OpenAsync(file, text, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }
        await using var content = opened.Value!;
        var members = expected.Value!.ToDictionary(m => m.Id);
        var problems = new List<ImportProblem>();
        var attendance = new List<AttendanceInput>();
        try
        {
            if (Read(content, members, problems, attendance) is { } fileProblem)
            {
                return fileProblem;
            }
        }
        catch (InvalidDataException)
        {
            return ImportFailed.OfFile(text, "Import.NotXlsx");
        }
        if (problems.Count > 0)
        {
            return new ImportFailed(problems);
        }
        return attendance.Count == 0 ? ImportFailed.OfFile(text, "Meetings.SheetNoStatus") : await record.RecordAsync(meeting with { Attendance = attendance }, ct);
    }

    private ImportFailed? Read(Stream content, Dictionary<int, ExpectedMember> members, List<ImportProblem> problems, List<AttendanceInput> attendance)
    {
        Dictionary<string, int>? header = null;
        var firstRow = new Dictionary<int, int>();
        foreach (var row in XlsxReader.ReadRows(content, SheetName, MaxRows, MaxColumns))
        {
            if (row.IsBlank)
            {
                continue;
            }
            if (header is null)
            {
                var found = Enumerable.Range(0, row.Cells.Length).Where(i => row.Cells[i] is string).ToLookup(i => ((string)row.Cells[i]!).Trim())
                    .ToDictionary(g => g.Key, g => g.First());
                if (!found.ContainsKey(IdColumn) || !found.ContainsKey(StatusColumn))
                {
                    return ImportFailed.OfFile(text, "Meetings.SheetHeaders", StatusCodes.Status400BadRequest, IdColumn, StatusColumn);
                }
                header = found;
                continue;
            }
            void Fail(string column, string code, params object[] args) =>
                problems.Add(new ImportProblem(row.Number, column, text["Import.CellError", row.Number, column, text.Format(code, args)].Value));
            var status = Text(row.Cells[header[StatusColumn]]);
            if (status is null)
            {
                continue;
            }
            var word = Words.FirstOrDefault(w => w.Text == status);
            if (word.Text is null)
            {
                Fail(StatusColumn, "Import.ChoiceInvalid", string.Join("、", Words.Take(4).Select(w => "「" + w.Text + "」")));
            }
            if (!int.TryParse(MemberRules.NormalizeDigits(Text(row.Cells[header[IdColumn]])), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                || !members.TryGetValue(id, out var member))
            {
                Fail(IdColumn, "Meetings.SheetUnknownMember");
                continue;
            }
            if (header.TryGetValue(NameColumn, out var nameColumn) && Text(row.Cells[nameColumn]) is { } name && name != member.Name)
            {
                Fail(NameColumn, "Meetings.SheetNameMismatch", id, member.Name);
            }
            if (!firstRow.TryAdd(id, row.Number))
            {
                Fail(IdColumn, "Meetings.SheetDuplicate", firstRow[id]);
            }
            else if (word.Text is not null)
            {
                attendance.Add(new AttendanceInput(id, word.Status));
            }
        }
        return header is null ? ImportFailed.OfFile(text, "Import.NoData") : null;
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        double d => d.ToString("0", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim().Trim('\u3000').Trim() is { Length: > 0 } s ? s : null,
    };
}
