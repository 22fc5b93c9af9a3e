using System.Globalization;

namespace Jishi.Web.Features.Points;

/// <summary>Stars (星级) from an assessment score: below the first threshold the member is 不合格 (0 stars); each threshold
/// reached adds a star. Default 60 ★, 70 ★★, 80 ★★★, 90 ★★★★, 96 ★★★★★, so 95.5 is still four stars.</summary>
public sealed class StarScale
{
    public const string Default = "60,70,80,90,96";
    public const int MaxStars = 5;

    private readonly decimal[] _thresholds;

    private StarScale(decimal[] thresholds) => _thresholds = thresholds;

    public IReadOnlyList<decimal> Thresholds => _thresholds;

    /// <summary>Five ascending thresholds written "60,70,80,90,96"; null when the text is not that.</summary>
    public static StarScale? TryParse(string? text)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != MaxStars)
        {
            return null;
        }
        var values = new decimal[MaxStars];
        for (var i = 0; i < MaxStars; i++)
        {
            if (!decimal.TryParse(parts[i], NumberStyles.Number, CultureInfo.InvariantCulture, out values[i]) || (i > 0 && values[i] <= values[i - 1]))
            {
                return null;
            }
        }
        return new StarScale(values);
    }

    public static StarScale Parse(string text) => TryParse(text) ?? throw new FormatException($"Not five ascending star thresholds: {text}");

    /// <summary>0 (不合格) to 5.</summary>
    public int StarsFor(decimal score) => _thresholds.Count(t => score >= t);

    /// <summary>"★★★" for three stars, "不合格"-free: the caller words zero stars.</summary>
    public static string Glyphs(int stars) => new('★', stars);

    public override string ToString() => string.Join(",", _thresholds.Select(t => t.ToString(CultureInfo.InvariantCulture)));
}
