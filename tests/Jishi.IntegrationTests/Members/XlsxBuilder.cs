using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using Jishi.Web.Shared;

namespace Jishi.IntegrationTests.Members;

/// <summary>A cell holding a formula and the value Excel cached for it.</summary>
public sealed record Formula(string Expression, object Cached);

/// <summary>A number formatted as a date (yyyy/m/d), the way Excel stores a typed date.</summary>
public sealed record DateCell(double Serial);

/// <summary>Writes an .xlsx part by part, for what MiniExcel cannot write: formulas with cached values, merged ranges
/// whose covered cells are absent, date-formatted serial numbers, rows left out.</summary>
public sealed class XlsxBuilder
{
    private readonly List<(int Number, object?[] Cells)> _rows = [];
    private readonly List<string> _merges = [];

    public XlsxBuilder Row(params object?[] cells) => RowAt((_rows.Count == 0 ? 0 : _rows[^1].Number) + 1, cells);

    public XlsxBuilder RowAt(int number, params object?[] cells)
    {
        _rows.Add((number, cells));
        return this;
    }

    public XlsxBuilder Merge(string range)
    {
        _merges.Add(range);
        return this;
    }

    public byte[] Build()
    {
        var sheet = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        foreach (var (number, cells) in _rows)
        {
            sheet.Append(CultureInfo.InvariantCulture, $"<row r=\"{number}\">");
            for (var i = 0; i < cells.Length; i++)
            {
                if (cells[i] is { } value)
                {
                    sheet.Append(Cell(XlsxReader.ColumnName(i) + number, value));
                }
            }
            sheet.Append("</row>");
        }
        sheet.Append("</sheetData>");
        if (_merges.Count > 0)
        {
            sheet.Append(CultureInfo.InvariantCulture, $"<mergeCells count=\"{_merges.Count}\">");
            sheet.AppendJoin("", _merges.Select(m => $"<mergeCell ref=\"{m}\"/>"));
            sheet.Append("</mergeCells>");
        }
        sheet.Append("</worksheet>");

        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""");
            Add(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""");
            Add(zip, "xl/styles.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>""");
            Add(zip, "xl/worksheets/sheet1.xml", sheet.ToString());
        }
        return stream.ToArray();
    }

    private static string Cell(string reference, object value) => value switch
    {
        string s => $"<c r=\"{reference}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{SecurityElement.Escape(s)}</t></is></c>",
        DateCell d => $"<c r=\"{reference}\" s=\"1\"><v>{d.Serial.ToString(CultureInfo.InvariantCulture)}</v></c>",
        Formula { Cached: string s } f => $"<c r=\"{reference}\" t=\"str\"><f>{SecurityElement.Escape(f.Expression)}</f><v>{SecurityElement.Escape(s)}</v></c>",
        Formula f => $"<c r=\"{reference}\"><f>{SecurityElement.Escape(f.Expression)}</f><v>{Convert.ToString(f.Cached, CultureInfo.InvariantCulture)}</v></c>",
        _ => $"<c r=\"{reference}\"><v>{Convert.ToString(value, CultureInfo.InvariantCulture)}</v></c>",
    };

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
