using Jishi.Web.Features.Points;

namespace Jishi.UnitTests.Features.Points;

public sealed class StandingsTests
{
    [Theory]
    [InlineData(97, 5, false, 1, 10, YearEndBand.Excellent)]
    [InlineData(90, 4, false, 2, 10, YearEndBand.Excellent)]
    [InlineData(90, 4, false, 3, 10, YearEndBand.Qualified)] // outside the top 20% of ten
    [InlineData(89.99, 3, false, 1, 10, YearEndBand.Qualified)] // first, but three stars
    [InlineData(97, 5, false, 1, 4, YearEndBand.Qualified)] // four members: ⌊0.8⌋ = no excellent quota
    [InlineData(70, 2, false, 5, 10, YearEndBand.Qualified)]
    [InlineData(69.99, 1, false, 6, 10, YearEndBand.BasicallyQualified)]
    [InlineData(59.99, 0, false, 7, 10, YearEndBand.BasicallyQualified)]
    [InlineData(50, 0, false, 8, 10, YearEndBand.BasicallyQualified)]
    [InlineData(49.99, 0, false, 9, 10, YearEndBand.Unqualified)]
    [InlineData(0, 0, true, 10, 10, YearEndBand.Unqualified)]
    [InlineData(97, 5, true, 1, 10, YearEndBand.Unqualified)] // a veto whatever the score
    public void Suggest_AtBoundaries_Band(double score, int stars, bool vetoed, int rank, int count, YearEndBand expected) =>
        Assert.Equal(expected, Standings.Suggest((decimal)score, stars, vetoed, rank, count));

    [Fact]
    public void Ranks_Ties_ShareRankAndSkip() =>
        Assert.Equal([1, 2, 2, 4, 5, 5, 5, 8], Standings.Ranks([90m, 80m, 80m, 75m, 60m, 60m, 60m, 0m]));

    [Fact]
    public void Ranks_Empty_Empty() => Assert.Empty(Standings.Ranks([]));

    [Theory]
    [InlineData(null, null, null, "2024-01-01", "2024-12-31")]
    [InlineData(BoardPeriod.Year, 3, 3, "2024-01-01", "2024-12-31")]
    [InlineData(BoardPeriod.Quarter, 1, null, "2024-01-01", "2024-03-31")]
    [InlineData(BoardPeriod.Quarter, 4, null, "2024-10-01", "2024-12-31")]
    [InlineData(BoardPeriod.Month, null, 2, "2024-02-01", "2024-02-29")] // a leap year's February
    [InlineData(BoardPeriod.Month, null, 12, "2024-12-01", "2024-12-31")]
    public void PeriodOf_Valid_BothEndsIncluded(BoardPeriod? period, int? quarter, int? month, string from, string to)
    {
        var result = Standings.PeriodOf(period, 2024, quarter, month);
        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to)), (result.Value.From, result.Value.To));
    }

    [Theory]
    [InlineData((BoardPeriod)7, 1, 1, "period")] // "period=7" binds to an undefined value
    [InlineData(BoardPeriod.Quarter, null, null, "quarter")]
    [InlineData(BoardPeriod.Quarter, 5, null, "quarter")]
    [InlineData(BoardPeriod.Month, null, 0, "month")]
    [InlineData(BoardPeriod.Month, null, 13, "month")]
    [InlineData(BoardPeriod.Year, null, null, "year", 0)]
    [InlineData(BoardPeriod.Month, null, 1, "year", 10_000)]
    public void PeriodOf_Invalid_ValidationErrorOnField(BoardPeriod period, int? quarter, int? month, string field, int year = 2024)
    {
        var error = Assert.IsType<Jishi.Web.Shared.ValidationError>(Standings.PeriodOf(period, year, quarter, month).Error);
        Assert.Equal(field, Assert.Single(error.Problems).Field);
    }

    [Theory]
    [InlineData(59.99, true)]
    [InlineData(64.99, true)]
    [InlineData(65, false)]
    public void NeedsWarning_FiveAboveFirstThreshold(double score, bool expected) =>
        Assert.Equal(expected, Standings.NeedsWarning((decimal)score, StarScale.Parse(StarScale.Default).Thresholds[0]));
}
