using System.Data;
using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Jishi.Web.Shared.Excel;

/// <summary>A column of a sheet: its header and its width in characters (null: Excel's default). Widths are given by hand,
/// since automatic widths count a Chinese character as one narrow one.</summary>
public sealed record XlsxColumn(string Header, double? Width = null);

/// <summary>One sheet: a header row of <see cref="Columns"/>, then <see cref="Rows"/>, one value per column (null or
/// <see cref="DBNull"/> leaves the cell empty). See <see cref="XlsxWriter"/> for how values are written.</summary>
public sealed class XlsxSheet(string name, IReadOnlyList<XlsxColumn> columns)
{
    private readonly List<IReadOnlyList<object?>> _rows = [];

    public XlsxSheet(string name, params string[] headers) : this(name, headers.Select(h => new XlsxColumn(h)).ToList())
    {
    }

    public string Name => name;
    public IReadOnlyList<XlsxColumn> Columns => columns;
    public IReadOnlyList<IReadOnlyList<object?>> Rows => _rows;

    /// <summary>The sheet of a <see cref="DataTable"/>: its column names as headers, its rows as they are; a column named in
    /// <paramref name="widths"/> gets that width.</summary>
    public static XlsxSheet Of(string name, DataTable table, params (string Header, double Width)[] widths)
    {
        var sheet = new XlsxSheet(name, table.Columns.Cast<DataColumn>()
            .Select(c => new XlsxColumn(c.ColumnName, widths.Where(w => w.Header == c.ColumnName).Select(w => (double?)w.Width).FirstOrDefault()))
            .ToList());
        foreach (DataRow row in table.Rows)
        {
            sheet.Add(row.ItemArray);
        }
        return sheet;
    }

    /// <summary>Adds a row; returns the sheet, so rows chain.</summary>
    public XlsxSheet Add(params object?[] cells)
    {
        if (cells.Length > columns.Count)
        {
            throw new ArgumentException($"A row of sheet '{name}' has {cells.Length} cells for {columns.Count} columns.", nameof(cells));
        }
        _rows.Add(cells);
        return this;
    }
}

/// <summary>Writes every .xlsx workbook Jishi hands out (ADR-013): a bold, frozen header row per sheet, then the rows.
/// Text is always a shared-string cell, never a formula, so <c>=1+1</c>, <c>+86…</c>, <c>-5</c> and <c>@x</c> stay the
/// text they are; numbers (int, long, decimal, double …) are number cells; <see cref="DateTime"/> and <see cref="DateOnly"/>
/// are date cells (Excel's built-in short date format); bool is a boolean cell; anything else is its text. The result passes
/// the Open XML SDK's validator and opens in Excel, WPS, LibreOffice and openpyxl.</summary>
public static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Cell formats of the style sheet written below: 0 plain, 1 header (bold), 2 date.
    private const uint HeaderStyle = 1;
    private const uint DateStyle = 2;
    private const uint ShortDateFormat = 14;

    public static byte[] Write(params XlsxSheet[] sheets) => Write((IEnumerable<XlsxSheet>)sheets);

    public static byte[] Write(IEnumerable<XlsxSheet> sheets)
    {
        var list = sheets.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A workbook needs at least one sheet.", nameof(sheets));
        }
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var strings = new SharedStrings();
            var entries = new Sheets();
            foreach (var (sheet, i) in list.Select((s, i) => (s, i)))
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                WriteSheet(part, sheet, strings, selected: i == 0);
                entries.Append(new Sheet { Name = sheet.Name, SheetId = (uint)(i + 1), Id = workbook.GetIdOfPart(part) });
            }
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = strings.Table();
            workbook.Workbook = new Workbook(entries);
        }
        return stream.ToArray();
    }

    private static void WriteSheet(WorksheetPart part, XlsxSheet sheet, SharedStrings strings, bool selected)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        {
            TabSelected = selected,
            WorkbookViewId = 0,
        }));
        var widths = sheet.Columns.Select((c, i) => (c.Width, Index: (uint)(i + 1))).Where(c => c.Width is not null).ToList();
        if (widths.Count > 0)
        {
            writer.WriteElement(new Columns(widths.Select(w => new Column { Min = w.Index, Max = w.Index, Width = w.Width, CustomWidth = true })));
        }
        writer.WriteStartElement(new SheetData());
        WriteRow(writer, 1, sheet.Columns.Select(c => (object?)c.Header).ToList(), strings, HeaderStyle);
        foreach (var (row, i) in sheet.Rows.Select((r, i) => (r, i)))
        {
            WriteRow(writer, (uint)(i + 2), row, strings, null);
        }
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter writer, uint number, IReadOnlyList<object?> cells, SharedStrings strings, uint? style)
    {
        writer.WriteStartElement(new Row { RowIndex = number });
        for (var i = 0; i < cells.Count; i++)
        {
            if (Cell(cells[i], strings) is { } cell)
            {
                cell.CellReference = ColumnName(i) + number.ToString(CultureInfo.InvariantCulture);
                cell.StyleIndex ??= style;
                writer.WriteElement(cell);
            }
        }
        writer.WriteEndElement();
    }

    private static Cell? Cell(object? value, SharedStrings strings) => value switch
    {
        null or DBNull => null,
        string s => strings.Cell(s),
        bool b => new Cell(new CellValue(b)) { DataType = CellValues.Boolean },
        DateTime d => Date(d),
        DateOnly d => Date(d.ToDateTime(TimeOnly.MinValue)),
        byte or sbyte or short or ushort or int or uint or long or ulong or decimal => Number(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)),
        double or float when double.IsFinite(Convert.ToDouble(value, CultureInfo.InvariantCulture)) =>
            Number(Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)),
        _ => strings.Cell(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    private static Cell Number(string text) => new(new CellValue(text));

    private static Cell Date(DateTime d) =>
        new(new CellValue(d.ToOADate().ToString("R", CultureInfo.InvariantCulture))) { StyleIndex = DateStyle };

    /// <summary>"A" for 0, "Z" for 25, "AA" for 26.</summary>
    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }
        return name;
    }

    private static Stylesheet Styles() => new(
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = ShortDateFormat, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true }) { Count = 3 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    /// <summary>The workbook's shared strings, each text once.</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _texts = [];
        private int _count;

        public Cell Cell(string text)
        {
            _count++;
            if (!_index.TryGetValue(text, out var i))
            {
                i = _texts.Count;
                _index[text] = i;
                _texts.Add(text);
            }
            return new Cell(new CellValue(i)) { DataType = CellValues.SharedString };
        }

        public SharedStringTable Table() =>
            new(_texts.Select(t => new SharedStringItem(Text(t)))) { Count = (uint)_count, UniqueCount = (uint)_texts.Count };

        /// <summary>Leading or trailing spaces kept; a character XML cannot carry (a control character pasted in) written
        /// as the format's _xHHHH_ escape, as Excel does.</summary>
        private static Text Text(string text)
        {
            var clean = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (XmlConvert.IsXmlChar(c) || char.IsSurrogate(c))
                {
                    clean.Append(c);
                }
                else
                {
                    clean.Append(CultureInfo.InvariantCulture, $"_x{(int)c:X4}_");
                }
            }
            var value = new Text(clean.ToString());
            if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
            {
                value.Space = SpaceProcessingModeValues.Preserve;
            }
            return value;
        }
    }
}
