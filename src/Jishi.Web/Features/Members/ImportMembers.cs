using System.Globalization;
using System.Text.RegularExpressions;
using Jishi.Web.Data;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Members;

/// <summary>The answer to an import of organizations: how many went in.</summary>
public sealed record ImportSummary(int Imported);

/// <summary>The answer to a roster import: how many members went in (none in a <see cref="Preview"/>), the tiers it filled in,
/// the columns kept as extra fields and those it did not read.</summary>
public sealed record RosterImportSummary(int Imported, IReadOnlyList<DerivedValue> Derived, IReadOnlyList<string> Kept, IReadOnlyList<string> Ignored)
{
    /// <summary>True when the file was only checked; <see cref="Rows"/> members would go in.</summary>
    public bool Preview { get; init; }

    public int Rows { get; init; }

    /// <summary>In a preview, every member the import would add (ID numbers masked as lists mask them), so the office can
    /// check the units and tiers before it confirms; absent from the answer to a real import.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RosterPreviewRow>? Members { get; init; }
}

/// <summary>A row of a previewed roster import: the member, the unit it goes into, and its tier, filled in by the import
/// (<paramref name="TierDerived"/>) or taken from the file.</summary>
public sealed record RosterPreviewRow(int Row, string Name, string? IdNumber, string UnitName, string Tier, bool TierDerived);

/// <summary>A value the file did not give and the import filled in (a tier from 是否为流动党员 and 工作岗位).</summary>
public sealed record DerivedValue(int Row, string Column, string Value);

/// <summary>Imports a roster workbook into a unit's subtree, all or nothing: every row is parsed and checked in memory
/// (field rules, units, ID numbers within the file and against the roster) before anything is written, and then
/// all rows go in one transaction, in batches so that the change tracker and the audit stay small.</summary>
public sealed partial class ImportMembers(JishiDbContext db, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public const int MaxRows = 100_000;
    public const int MaxListedErrors = 1000;
    private const int MaxColumns = 78;
    private const int HeaderSearchRows = 10;
    private const int BatchSize = 1000;
    private const int IdLookupChunk = 500;

    /// <summary>A parsed row; <paramref name="Unit"/> is null when the row has errors, <paramref name="IdNumber"/> when
    /// it has no valid ID number to check for duplicates.</summary>
    private sealed record ParsedRow(int Number, MemberInput Input, Organizations.Unit? Unit, string? IdNumber, bool TierDerived);

    private sealed record Parsed(List<ParsedRow> Rows, RosterHeader? Header, IReadOnlyList<string> Ignored, ImportFailed? FileError);

    /// <param name="preview">Check the file and answer what an import would do, writing nothing.</param>
    public async Task<Result<RosterImportSummary>> HandleAsync(Stream file, int? unitId, CancellationToken ct, bool preview = false)
    {
        if (await UnitNames.LoadAsync(db, user, unitId, ct) is not { } units)
        {
            return Error.NotFound("Entity.Unit");
        }
        var opened = await ExcelUpload.OpenAsync(file, text, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }
        await using var content = opened.Value!;
        var tiers = await db.MemberTiers.Where(t => t.IsActive).OrderBy(t => t.SortOrder).Select(t => t.Name).ToListAsync(ct);
        var errors = new CellErrors(text);
        Parsed outcome;
        try
        {
            outcome = Parse(content, units, tiers, errors);
            if (outcome.FileError is { } fileError)
            {
                return fileError;
            }
        }
        catch (InvalidDataException)
        {
            return ImportFailed.OfFile(text, "Import.NotXlsx");
        }
        var rows = outcome.Rows;
        await FindDuplicatesAsync(rows, errors, ct);
        if (errors.Count > 0)
        {
            return errors.ToFailure();
        }
        if (!preview)
        {
            await InsertAsync(rows, ct);
        }
        var derived = rows.Where(r => r.TierDerived).Select(r => new DerivedValue(r.Number, MemberExcelColumns.TierHeader, r.Input.Tier)).ToList();
        return new RosterImportSummary(preview ? 0 : rows.Count, derived, outcome.Header!.Extra.Values.ToList(), outcome.Ignored)
        {
            Preview = preview,
            Rows = rows.Count,
            Members = preview
                ? rows.Select(r => new RosterPreviewRow(r.Number, r.Input.Name, Masking.IdNumber(r.Input.IdNumber), r.Unit!.Name, r.Input.Tier, r.TierDerived)).ToList()
                : null,
        };
    }

    /// <summary>Every cell error of a file, answered in row and column order.</summary>
    private sealed class CellErrors(IStringLocalizer<SharedResource> text)
    {
        private readonly List<(int Row, int Order, ImportProblem Problem)> _errors = [];

        public int Count => _errors.Count;

        public void Add(int row, MemberExcelColumn column, string code, object[] args, TransferOffer? transfer = null) =>
            _errors.Add((row, MemberExcelColumns.OrderOf(column),
                new ImportProblem(row, column.Header, text["Import.CellError", row, column.Header, text.Format(code, args)].Value) { Transfer = transfer }));

        public ImportFailed ToFailure()
        {
            var listed = _errors.OrderBy(e => e.Row).ThenBy(e => e.Order).Take(MaxListedErrors).Select(e => e.Problem).ToList();
            if (_errors.Count > MaxListedErrors)
            {
                listed.Add(new ImportProblem(null, null, text["Import.MoreErrors", _errors.Count - MaxListedErrors].Value));
            }
            return new ImportFailed(listed);
        }
    }

    private Parsed Parse(Stream content, UnitNames units, IReadOnlyList<string> tiers, CellErrors errors)
    {
        var maxLengths = MemberExcelColumns.All.ToDictionary(c => c.Property, c =>
            db.Model.FindEntityType(typeof(Member))!.FindProperty(c.Property)!.GetMaxLength());
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        RosterHeader? header = null;
        Dictionary<int, MemberExcelColumn> best = [];
        var ignored = new SortedDictionary<int, string>();
        var sawContent = false;
        var parsed = new List<ParsedRow>();
        foreach (var row in XlsxReader.ReadRows(content, MemberExcelColumns.SheetName, MaxRows + HeaderSearchRows + 1, MaxColumns))
        {
            if (header is null ? row.IsBlank : row.IsBlankIn(header.ReadColumns))
            {
                continue;
            }
            sawContent = true;
            if (header is null)
            {
                var found = RosterHeader.Of(row.Cells);
                if (found.IsComplete)
                {
                    header = found;
                    continue;
                }
                if (found.Known.Count > best.Count)
                {
                    best = found.Known.ToDictionary();
                }
                if (row.Number >= HeaderSearchRows)
                {
                    break;
                }
                continue;
            }
            if (parsed.Count == MaxRows)
            {
                return Refused(ImportFailed.OfFile(text, "Import.TooManyRows", StatusCodes.Status400BadRequest, MaxRows));
            }
            NoteIgnored(row, header, ignored);
            parsed.Add(ParseRow(row, header, units, tiers, today, maxLengths, errors));
        }
        if (!sawContent)
        {
            return Refused(ImportFailed.OfFile(text, "Import.NoData"));
        }
        if (header is null)
        {
            var missing = MemberExcelColumns.All.Where(c => c.Required && !best.ContainsValue(c)).Select(c => c.Header);
            return Refused(ImportFailed.OfFile(text, "Import.HeadersMissing", StatusCodes.Status400BadRequest, string.Join("、", missing)));
        }
        return parsed.Count == 0 ? Refused(ImportFailed.OfFile(text, "Import.NoRows")) : new Parsed(parsed, header, ignored.Values.ToList(), null);
    }

    private static Parsed Refused(ImportFailed problem) => new([], null, [], problem);

    /// <summary>Records a column with a value that the import does not read: by its header, or by its letter when it has none.</summary>
    private void NoteIgnored(XlsxReader.Row row, RosterHeader header, SortedDictionary<int, string> ignored)
    {
        for (var i = 0; i < row.Cells.Length; i++)
        {
            if (!ignored.ContainsKey(i) && !header.Known.ContainsKey(i) && !header.Extra.ContainsKey(i) && row.Written[i] && ExcelCells.TextOf(row.Cells[i]) is not null)
            {
                ignored[i] = header.Skipped.TryGetValue(i, out var name) ? name : text["Roster.UnnamedColumn", XlsxReader.ColumnName(i)].Value;
            }
        }
    }

    private ParsedRow ParseRow(XlsxReader.Row row, RosterHeader header, UnitNames units, IReadOnlyList<string> tiers,
        DateOnly today, Dictionary<string, int?> maxLengths, CellErrors errors)
    {
        var input = new MemberInput
        {
            ExtraFields = header.Extra.Where(e => ExcelCells.TextOf(row.Cells[e.Key]) is not null).ToDictionary(e => e.Value, e => ExcelCells.TextOf(row.Cells[e.Key])!),
        };
        Organizations.Unit? unit = null;
        var failed = new HashSet<MemberExcelColumn>();
        void Fail(MemberExcelColumn column, string code, params object[] args)
        {
            failed.Add(column);
            errors.Add(row.Number, column, code, args);
        }
        foreach (var (index, column) in header.Known)
        {
            var value = row.Cells[index];
            var s = ExcelCells.TextOf(value);
            switch (column.Kind)
            {
                case MemberExcelKind.Text when s is not null && maxLengths[column.Property] is { } max && s.Length > max:
                    Fail(column, "Import.TooLong", max);
                    break;
                case MemberExcelKind.Text:
                    input = column.Set(input, s);
                    break;
                case MemberExcelKind.IdNumber when value is double or decimal or long or int:
                    // 18 digits typed into a General cell become a number with the last digits lost.
                    Fail(column, "Import.IdNumberAsNumber");
                    break;
                case MemberExcelKind.IdNumber:
                    input = column.Set(input, MemberRules.NormalizeIdNumber(s));
                    break;
                case MemberExcelKind.Phone:
                    input = column.Set(input, s is null ? null : WhiteSpace().Replace(MemberRules.NormalizeDigits(s)!, ""));
                    break;
                case MemberExcelKind.Date when ParseDate(value) is var (ok, date):
                    if (ok)
                    {
                        input = column.Set(input, date);
                    }
                    else
                    {
                        Fail(column, "Import.DateInvalid");
                    }
                    break;
                case MemberExcelKind.YearMonth:
                    if (ParseDate(value, yearMonthOnly: true) is (true, var month))
                    {
                        input = column.Set(input, month?.ToString("yyyy-MM", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        Fail(column, "Import.YearMonthInvalid");
                    }
                    break;
                case MemberExcelKind.Choice:
                    var choices = column.Choices!;
                    if (s is null && column.Required)
                    {
                        Fail(column, "Import.Required");
                    }
                    else if (s is null)
                    {
                        input = column.Set(input, choices[0].Value);
                    }
                    else if (choices.FirstOrDefault(c => c.Text == s) is { Text: not null } choice)
                    {
                        input = column.Set(input, choice.Value);
                    }
                    else
                    {
                        Fail(column, "Import.ChoiceInvalid", string.Join("、", choices.Select(c => "「" + c.Text + "」")));
                    }
                    break;
                case MemberExcelKind.Unit:
                    switch (s is null ? null : units.Resolve(s))
                    {
                        case null:
                            Fail(column, "Import.Required");
                            break;
                        case UnitNames.Found { Unit.IsArchived: true } archived:
                            Fail(column, "Unit.Archived", archived.Unit.Name);
                            break;
                        case UnitNames.Found found:
                            unit = found.Unit;
                            input = column.Set(input, found.Unit.Id);
                            break;
                        case UnitNames.Ambiguous ambiguous:
                            Fail(column, "Import.UnitAmbiguous", s!, ambiguous.Count, ambiguous.Example);
                            break;
                        case UnitNames.Candidates candidates:
                            Fail(column, "Roster.UnitCandidates", s!, string.Join("、", candidates.Names.Select(n => "「" + n + "」")));
                            break;
                        default:
                            Fail(column, "Import.UnitUnknown", s!, units.Root.Name);
                            break;
                    }
                    break;
            }
        }
        var tierDerived = string.IsNullOrEmpty(input.Tier);
        if (tierDerived)
        {
            input = input with { Tier = TierDerivation.Derive(input.IsFloating, input.Post) };
        }
        foreach (var problem in MemberRules.Validate(input, tiers, today))
        {
            if (MemberExcelColumns.All.FirstOrDefault(c => c.Field == problem.Field) is { } column && !failed.Contains(column))
            {
                Fail(column, problem.Code, problem.Args);
            }
        }
        var idNumberFailed = failed.Any(c => c.Kind == MemberExcelKind.IdNumber);
        return new ParsedRow(row.Number, input, failed.Count == 0 ? unit : null, idNumberFailed ? null : input.IdNumber, tierDerived);
    }

    /// <summary>Duplicates within the file name both rows; then the ID numbers are looked up in the roster in chunks.</summary>
    private async Task FindDuplicatesAsync(List<ParsedRow> rows, CellErrors errors, CancellationToken ct)
    {
        var column = MemberExcelColumns.All.Single(c => c.Kind == MemberExcelKind.IdNumber);
        void Fail(int row, string code, params object[] args) => errors.Add(row, column, code, args);
        var firstRow = new Dictionary<string, int>();
        foreach (var row in rows)
        {
            if (row.IdNumber is { } id && !firstRow.TryAdd(id, row.Number))
            {
                Fail(row.Number, "Import.DuplicateInFile", firstRow[id]);
                Fail(firstRow[id], "Import.DuplicateInFile", row.Number);
            }
        }
        var scope = await user.ScopePathAsync(ct);
        foreach (var chunk in firstRow.Keys.Chunk(IdLookupChunk))
        {
            var existing = await db.Members.AsNoTracking().Where(m => m.IdNumber != null && chunk.Contains(m.IdNumber))
                .Select(m => new { m.IdNumber, Holder = new IdNumberHolder(m.Id, m.Name, m.Unit!.Name, m.Unit.Path) }).ToListAsync(ct);
            foreach (var other in existing)
            {
                var problem = other.Holder.Problem(scope);
                errors.Add(firstRow[other.IdNumber!], column, problem.Code, problem.Args, other.Holder.Offer(scope));
            }
        }
    }

    private async Task InsertAsync(List<ParsedRow> rows, CancellationToken ct)
    {
        var units = rows.Select(r => r.Unit!).DistinctBy(u => u.Id).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var batch in rows.Chunk(BatchSize))
        {
            db.ChangeTracker.Clear();
            db.Units.AttachRange(units);
            foreach (var row in batch)
            {
                db.Members.Add(new Member(row.Input, row.Unit!));
            }
            await db.SaveChangesAsync(ct);
        }
        db.ChangeTracker.Clear();
        await transaction.CommitAsync(ct);
    }

    /// <summary>A date from a date cell, an Excel serial number, or text as yyyy-MM-dd, yyyy/M/d, yyyy.M.d or yyyy年M月d日
    /// (full-width digits allowed). A blank cell is a valid absent date. With <paramref name="yearMonthOnly"/>, the day
    /// may be left out and the result is the first of the month.</summary>
    private static (bool Ok, DateOnly? Date) ParseDate(object? value, bool yearMonthOnly = false)
    {
        switch (value)
        {
            case null:
                return (true, null);
            case DateTime dt:
                return (true, DateOnly.FromDateTime(dt));
            case double or decimal or long or int:
                var serial = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return serial is >= 1 and < 2958466 ? (true, DateOnly.FromDateTime(DateTime.FromOADate(serial))) : (false, null);
        }
        if (ExcelCells.TextOf(value) is not { } text)
        {
            return (true, null);
        }
        var match = DatePattern().Match(MemberRules.NormalizeDigits(text)!);
        if (!match.Success || (!yearMonthOnly && !match.Groups["d"].Success))
        {
            return (false, null);
        }
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var day = match.Groups["d"].Success ? int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture) : 1;
        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? (true, new DateOnly(year, month, day)) : (false, null);
    }

    [GeneratedRegex(@"^(?<y>\d{4})\s*[-/.年]\s*(?<m>\d{1,2})\s*(月|(?=$)|[-/.]\s*)(\s*(?<d>\d{1,2})\s*日?)?(\s+\d{1,2}:\d{2}(:\d{2})?)?$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
