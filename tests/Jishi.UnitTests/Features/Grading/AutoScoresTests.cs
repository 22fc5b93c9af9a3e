using Jishi.Web.Features.Grading;

namespace Jishi.UnitTests.Features.Grading;

public sealed class AutoScoresTests
{
    [Theory]
    [InlineData(7, 1, 7)]
    [InlineData(7, 0.5, 3.5)]
    [InlineData(7, 0.3333333, 2.33)]
    [InlineData(7, 0, 0)]
    public void KeyTaskScore_Rate_FullScoreTimesRateRounded(decimal full, decimal rate, decimal expected) =>
        Assert.Equal(expected, AutoScores.KeyTaskScore(full, rate));

    [Theory]
    [InlineData(5, 0, 0)]
    [InlineData(5, 3, 3)]
    [InlineData(5, 12, 5)]
    public void PublicityScore_WeightedCount_CappedAtFullScore(decimal full, decimal weighted, decimal expected) =>
        Assert.Equal(expected, AutoScores.PublicityScore(full, weighted));
}
