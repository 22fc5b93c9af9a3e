namespace Jishi.Web.Features.Dues;

/// <summary>The monthly dues of the 2008 rules, in fen: a bracket's rate applies to the whole income (not progressively),
/// each bracket includes its upper bound, and the amount is rounded half up to the fen. Pure, so every boundary is
/// unit-tested.</summary>
public sealed class DuesStandard
{
    /// <summary>学生、下岗失业、低保: 0.2 yuan a month.</summary>
    public const long FixedFen = 20;

    public const long MinFarmerFen = 20;
    public const long MaxFarmerFen = 100;

    /// <summary>(upper bound in fen, inclusive; rate in ten-thousandths) of 在职 members; above the last bound 2 %.</summary>
    private static readonly (long UpTo, long Rate)[] Employed = [(300_000, 50), (500_000, 100), (1_000_000, 150)];
    private const long EmployedTopRate = 200;

    /// <summary>离退休 members: up to 5,000 yuan of pension 0.5 %, above it 1 %.</summary>
    private static readonly (long UpTo, long Rate)[] Retired = [(500_000, 50)];
    private const long RetiredTopRate = 100;

    public DuesStandard(long farmerFen)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(farmerFen, MinFarmerFen);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(farmerFen, MaxFarmerFen);
        FarmerFen = farmerFen;
    }

    /// <summary>What a farmer member pays a month (the street's choice within 0.2–1 yuan).</summary>
    public long FarmerFen { get; }

    /// <summary>Whether the category's dues depend on an income (在职, 离退休); the others pay a fixed amount.</summary>
    public static bool TakesIncome(DuesCategory category) => category is DuesCategory.Employed or DuesCategory.Retired;

    /// <summary>The monthly dues in fen for <paramref name="incomeFen"/> (ignored for the fixed amounts).</summary>
    public long MonthlyFen(DuesCategory category, long incomeFen)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(incomeFen);
        return category switch
        {
            DuesCategory.Employed => Percent(incomeFen, Employed, EmployedTopRate),
            DuesCategory.Retired => Percent(incomeFen, Retired, RetiredTopRate),
            DuesCategory.Student or DuesCategory.Unemployed => FixedFen,
            DuesCategory.Farmer => FarmerFen,
            _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
        };
    }

    /// <summary>An amount in yuan as whole fen; null when negative, finer than a fen or above <paramref name="maxFen"/>.</summary>
    public static long? FenOf(decimal yuan, long maxFen)
    {
        if (yuan < 0 || yuan > maxFen / 100m || decimal.Round(yuan, 2) != yuan)
        {
            return null;
        }
        return (long)(yuan * 100);
    }

    /// <summary>Fen as yuan with two decimals (15.00, not 15).</summary>
    public static decimal Yuan(long fen) => fen * 0.01m;

    private static long Percent(long incomeFen, (long UpTo, long Rate)[] brackets, long topRate)
    {
        var rate = brackets.FirstOrDefault(b => incomeFen <= b.UpTo) is { UpTo: > 0 } bracket ? bracket.Rate : topRate;
        // Half up: income × rate is in 1/10000 fen; adding half of 10000 before the integer division rounds .5 up.
        return checked(incomeFen * rate + 5_000) / 10_000;
    }
}
