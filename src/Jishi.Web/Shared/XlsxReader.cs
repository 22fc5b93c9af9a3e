using System.IO.Compression;
using System.Xml;
using MiniExcelLibs;

namespace Jishi.Web.Shared;

/// <summary>Reads one worksheet of an .xlsx workbook as rows numbered the way Excel shows them, with every cell of a
/// merged range holding the value of the range (MiniExcel fills only the covered cells a file happens to write, so the
/// ranges are read from the sheet itself). Anything unreadable surfaces as <see cref="InvalidDataException"/>.</summary>
public static class XlsxReader
{
    /// <summary>One row: <paramref name="Cells"/> by column index (A = 0), merged ranges filled in; <paramref name="Written"/>
    /// tells which cells hold a value of their own (not one spread from a merged range above).</summary>
    public sealed record Row(int Number, object?[] Cells, bool[] Written)
    {
        public bool IsBlank => !Written.Contains(true);

        /// <summary>No value of its own in any of <paramref name="columns"/>: a row with only a pre-filled 序号 is empty.</summary>
        public bool IsBlankIn(IEnumerable<int> columns) => !columns.Any(c => Written[c]);
    }

    private sealed record Merge(int Top, int Left, int Bottom, int Right);

    /// <summary>The most bytes one part of a workbook may unzip to, and the most it may grow by unzipping once it is over a
    /// sixteenth of that.</summary>
    private const long MaxPartBytes = 256L * 1024 * 1024;
    private const long MaxRatio = 100;

    /// <summary>The first <paramref name="maxRows"/> rows and <paramref name="maxColumns"/> columns of the sheet named
    /// <paramref name="preferredSheet"/>, or of the first sheet when there is none of that name. Limits keep a hostile
    /// file (a sheet 16,384 columns wide, millions of rows) from costing more than a real roster would.</summary>
    public static IEnumerable<Row> ReadRows(Stream xlsx, string preferredSheet, int maxRows, int maxColumns)
    {
        var (sheetName, width, merges) = Guard(() => Inspect(xlsx, preferredSheet));
        xlsx.Position = 0;
        // MiniExcel gives every row a cell for every column up to the end of the range, so the range stops at the
        // sheet's declared width when it has one.
        maxColumns = Math.Min(maxColumns, width ?? maxColumns);
        var lastCell = ColumnName(maxColumns - 1) + maxRows;
        var source = Guard(() => MiniExcel.QueryRange(xlsx, useHeaderRow: false, sheetName, ExcelType.XLSX, "A1", lastCell));
        // Ranges in order of their first row; only those covering the current row are visited, so a sheet with many
        // merged ranges costs per row only the ranges that are open there.
        var pending = new Queue<Merge>(merges.OrderBy(m => m.Top));
        var open = new List<(Merge Range, object? Value)>();
        using var rows = source.GetEnumerator();
        for (var number = 1; Guard(rows.MoveNext); number++)
        {
            var cells = new object?[maxColumns];
            var written = new bool[maxColumns];
            foreach (var (key, value) in (IDictionary<string, object?>)rows.Current)
            {
                if (ColumnIndex(key) is var i && i < maxColumns && value is not null && !(value is string s && string.IsNullOrWhiteSpace(s)))
                {
                    cells[i] = value;
                    written[i] = true;
                }
            }
            open.RemoveAll(o => o.Range.Bottom < number);
            foreach (var (range, value) in open)
            {
                for (var c = range.Left; c <= Math.Min(range.Right, maxColumns - 1); c++)
                {
                    cells[c] = value;
                }
            }
            while (pending.TryPeek(out var next) && next.Top <= number)
            {
                pending.Dequeue();
                if (next.Top == number && next.Left < maxColumns)
                {
                    open.Add((next, cells[next.Left]));
                }
            }
            yield return new Row(number, cells, written);
        }
    }

    /// <summary>"A" → 0, "AB" → 27.</summary>
    public static int ColumnIndex(string letters)
    {
        var index = 0;
        foreach (var c in letters)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }
            index = index * 26 + (c - 'A' + 1);
        }
        return index - 1;
    }

    public static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + (index - 1) % 26) + name;
        }
        return name;
    }

    private static T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not OperationCanceledException and not InvalidDataException)
        {
            // A damaged or foreign file fails deep inside the zip, XML or MiniExcel code with many exception types;
            // they all mean the same thing to the caller.
            throw new InvalidDataException(e.Message, e);
        }
    }

    /// <summary>The sheet to read, its declared width (columns) and its merged ranges, from workbook.xml, its
    /// relationships and the sheet's XML.</summary>
    private static (string Sheet, int? Width, List<Merge> Merges) Inspect(Stream xlsx, string preferredSheet)
    {
        using var zip = new ZipArchive(xlsx, ZipArchiveMode.Read, leaveOpen: true);
        // A zip bomb packs gigabytes of XML into a few MB, and every reader below would unzip all of it. A real roster's
        // sheet (50,000 rows) unzips to tens of MB at a tenth of that ratio.
        if (zip.Entries.FirstOrDefault(e => e.Length > MaxPartBytes || e.Length > MaxPartBytes / 16 && e.Length > e.CompressedLength * MaxRatio) is { } bomb)
        {
            throw new InvalidDataException($"{bomb.FullName} unzips to {bomb.Length} bytes from {bomb.CompressedLength}.");
        }
        const string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        var sheets = new List<(string Name, string RelationId)>();
        using (var reader = XmlReader.Create(Open(zip, "xl/workbook.xml")))
        {
            while (reader.ReadToFollowing("sheet", main))
            {
                sheets.Add((reader.GetAttribute("name") ?? "", reader.GetAttribute("id", rel) ?? ""));
            }
        }
        if (sheets.Count == 0)
        {
            throw new InvalidDataException("The workbook has no sheet.");
        }
        var sheet = sheets.FirstOrDefault(s => s.Name == preferredSheet) is { Name.Length: > 0 } preferred ? preferred : sheets[0];
        string? target = null;
        using (var reader = XmlReader.Create(Open(zip, "xl/_rels/workbook.xml.rels")))
        {
            while (target is null && reader.ReadToFollowing("Relationship", "http://schemas.openxmlformats.org/package/2006/relationships"))
            {
                target = reader.GetAttribute("Id") == sheet.RelationId ? reader.GetAttribute("Target") : null;
            }
        }
        if (target is null)
        {
            throw new InvalidDataException("The sheet's part is missing.");
        }
        var merges = new List<Merge>();
        int? width = null;
        using (var reader = XmlReader.Create(Open(zip, target.StartsWith('/') ? target[1..] : "xl/" + target)))
        {
            reader.MoveToContent();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.NamespaceURI == main)
                {
                    if (reader.LocalName == "sheetData")
                    {
                        reader.Skip();
                        continue;
                    }
                    // A one-cell dimension ("A1") is what some writers put whatever the content; only a range is trusted.
                    if (reader.LocalName == "dimension" && reader.GetAttribute("ref")?.Split(':') is [_, var end])
                    {
                        width = CellReference(end).Column + 1;
                    }
                    else if (reader.LocalName == "mergeCell" && reader.GetAttribute("ref")?.Split(':') is [var from, var to])
                    {
                        var (top, left) = CellReference(from);
                        var (bottom, right) = CellReference(to);
                        merges.Add(new Merge(top, left, bottom, right));
                    }
                }
                reader.Read();
            }
        }
        return (sheet.Name, width, merges);
    }

    private static Stream Open(ZipArchive zip, string path) =>
        zip.GetEntry(path)?.Open() ?? throw new InvalidDataException($"{path} is missing.");

    private static (int Row, int Column) CellReference(string reference)
    {
        var letters = new string(reference.TakeWhile(char.IsAsciiLetterUpper).ToArray());
        return (int.Parse(reference.AsSpan(letters.Length), System.Globalization.CultureInfo.InvariantCulture), ColumnIndex(letters));
    }
}
