using System.Globalization;

namespace Jishi.Web.Features.Reviews;

/// <summary>How the pages print results: two decimals after <see cref="ReviewScoring.Round"/>, a dash for no value.</summary>
public static class ResultFormat
{
    public static string Score(double? value) =>
        value is { } v ? ReviewScoring.Round(v).ToString("0.00", CultureInfo.InvariantCulture) : "—";

    /// <summary>好评率 as a percentage, "86.67%".</summary>
    public static string Rate(double? share) => share is { } s ? Score(100 * s) + "%" : "—";
}
