using Jishi.Web.Features.Dues;

namespace Jishi.UnitTests.Features.Dues;

public sealed class DuesStandardTests
{
    private static readonly DuesStandard Standard = new(50);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(100_000, 500)] // 1,000.00 × 0.5 % = 5.00
    [InlineData(300_000, 1_500)] // 3,000.00: the upper bound is 0.5 %
    [InlineData(300_001, 3_000)] // 3,000.01 × 1 % = 30.0001 → 30.00
    [InlineData(500_000, 5_000)] // 5,000.00: still 1 %
    [InlineData(500_001, 7_500)] // 5,000.01 × 1.5 % = 75.00015 → 75.00
    [InlineData(1_000_000, 15_000)] // 10,000.00: still 1.5 %
    [InlineData(1_000_001, 20_000)] // 10,000.01 × 2 % = 200.0002 → 200.00
    [InlineData(2_345_678, 46_914)] // 23,456.78 × 2 % = 469.1356 → 469.14
    public void MonthlyFen_Employed_BracketIncludesItsUpperBound(long incomeFen, long expected) =>
        Assert.Equal(expected, Standard.MonthlyFen(DuesCategory.Employed, incomeFen));

    [Theory]
    [InlineData(100, 1)] // 1.00 × 0.5 % = 0.005 → half up to 0.01
    [InlineData(99, 0)] // 0.99 × 0.5 % = 0.00495 → 0.00
    [InlineData(123_450, 617)] // 1,234.50 × 0.5 % = 6.1725 → 6.17
    [InlineData(123_500, 618)] // 1,235.00 × 0.5 % = 6.175 → 6.18 (half up, not to even)
    [InlineData(412_350, 4_124)] // 4,123.50 × 1 % = 41.235 → 41.24
    [InlineData(612_300, 9_185)] // 6,123.00 × 1.5 % = 91.845 → 91.85
    [InlineData(1_234_525, 24_691)] // 12,345.25 × 2 % = 246.905 → 246.91
    public void MonthlyFen_Employed_RoundsHalfUpToTheFen(long incomeFen, long expected) =>
        Assert.Equal(expected, Standard.MonthlyFen(DuesCategory.Employed, incomeFen));

    [Theory]
    [InlineData(300_000, 1_500)]
    [InlineData(500_000, 2_500)] // 5,000.00: the upper bound is 0.5 %
    [InlineData(500_001, 5_000)] // 5,000.01 × 1 % = 50.0001 → 50.00
    [InlineData(1_000_001, 10_000)] // no further bracket for pensions
    [InlineData(412_300, 2_062)] // 4,123.00 × 0.5 % = 20.615 → 20.62
    public void MonthlyFen_Retired_HalfAPercentUpToFiveThousand(long incomeFen, long expected) =>
        Assert.Equal(expected, Standard.MonthlyFen(DuesCategory.Retired, incomeFen));

    [Theory]
    [InlineData(DuesCategory.Student)]
    [InlineData(DuesCategory.Unemployed)]
    public void MonthlyFen_StudentOrUnemployed_TwentyFenWhateverTheIncome(DuesCategory category)
    {
        Assert.Equal(20, Standard.MonthlyFen(category, 0));
        Assert.Equal(20, Standard.MonthlyFen(category, 2_000_000));
    }

    [Theory]
    [InlineData(20)]
    [InlineData(50)]
    [InlineData(100)]
    public void MonthlyFen_Farmer_TheConfiguredAmount(long farmerFen) =>
        Assert.Equal(farmerFen, new DuesStandard(farmerFen).MonthlyFen(DuesCategory.Farmer, 800_000));

    [Theory]
    [InlineData(19)]
    [InlineData(101)]
    public void New_FarmerAmountOutsideTwentyFenToOneYuan_Throws(long farmerFen) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DuesStandard(farmerFen));

    [Fact]
    public void MonthlyFen_NegativeIncome_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Standard.MonthlyFen(DuesCategory.Employed, -1));

    [Theory]
    [InlineData("3000.01", 300_001L)]
    [InlineData("0", 0L)]
    [InlineData("12.5", 1_250L)]
    [InlineData("0.001", null)]
    [InlineData("-1", null)]
    [InlineData("100000.01", null)]
    public void FenOf_YuanWithAtMostTwoDecimalsWithinTheLimit_WholeFen(string yuan, long? expected) =>
        Assert.Equal(expected, DuesStandard.FenOf(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture), 10_000_000));

    [Fact]
    public void Yuan_WholeYuan_KeepsTwoDecimals() =>
        Assert.Equal("15.00", DuesStandard.Yuan(1_500).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
