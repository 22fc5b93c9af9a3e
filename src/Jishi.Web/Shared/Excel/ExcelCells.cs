using System.Globalization;

namespace Jishi.Web.Shared.Excel;

/// <summary>Cells of an imported workbook read as the text a person typed.</summary>
public static class ExcelCells
{
    /// <summary>A cell as trimmed text (null when blank); numbers as Excel shows them without a format.</summary>
    public static string? TextOf(object? value)
    {
        var s = value switch
        {
            null => null,
            string text => text,
            double d => d.ToString(d == Math.Floor(d) && Math.Abs(d) < 1e15 ? "0" : "R", CultureInfo.InvariantCulture),
            DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            bool b => b ? "是" : "否",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        s = s?.Trim().Trim('\u3000', '\u00A0').Trim();
        return string.IsNullOrEmpty(s) ? null : s;
    }

    /// <summary>A header cell's text without spaces, line breaks or a required-mark *; null when blank.</summary>
    public static string? HeaderOf(object? value) =>
        TextOf(value) is { } s ? new string(s.Where(c => !char.IsWhiteSpace(c) && c != '*').ToArray()) : null;
}
