using System.Globalization;

namespace Jishi.Web.Features.Dues;

/// <summary>A month of dues as stored (yyyyMM, 203003) and as written in the API ("2030-03").</summary>
public static class DuesMonth
{
    public static int Of(int year, int month) => year * 100 + month;

    public static int YearOf(int month) => month / 100;

    public static string Text(int month) => string.Create(CultureInfo.InvariantCulture, $"{month / 100:0000}-{month % 100:00}");

    /// <summary>"2030-03" → 203003; null for anything else.</summary>
    public static int? Parse(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var d) ? Of(d.Year, d.Month) : null;
}
