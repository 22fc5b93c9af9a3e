using Jishi.Web.Features.Points;

namespace Jishi.UnitTests.Features.Points;

public sealed class StarScaleTests
{
    private static readonly StarScale Default = StarScale.Parse(StarScale.Default);

    [Theory]
    [InlineData("0", 0)]
    [InlineData("59.99", 0)]
    [InlineData("60", 1)]
    [InlineData("69.99", 1)]
    [InlineData("70", 2)]
    [InlineData("79.5", 2)]
    [InlineData("80", 3)]
    [InlineData("89.99", 3)]
    [InlineData("90", 4)]
    [InlineData("95", 4)]
    [InlineData("95.99", 4)]
    [InlineData("96", 5)]
    [InlineData("150", 5)]
    [InlineData("-3", 0)]
    public void StarsFor_DefaultThresholds_EveryBoundary(string score, int stars) =>
        Assert.Equal(stars, Default.StarsFor(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void StarsFor_ConfiguredThresholds_Used()
    {
        var strict = StarScale.Parse("65, 75, 85, 92, 98");
        Assert.Equal(0, strict.StarsFor(64.5m));
        Assert.Equal(1, strict.StarsFor(65));
        Assert.Equal(4, strict.StarsFor(97.99m));
        Assert.Equal(5, strict.StarsFor(98));
        Assert.Equal("65,75,85,92,98", strict.ToString());
    }

    [Theory]
    [InlineData("60,70,80,90")]
    [InlineData("60,70,80,90,96,100")]
    [InlineData("60,70,70,90,96")]
    [InlineData("90,80,70,60,50")]
    [InlineData("60,七十,80,90,96")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_NotFiveAscendingNumbers_Null(string? text) => Assert.Null(StarScale.TryParse(text));

    [Fact]
    public void Glyphs_Three_ThreeStars() => Assert.Equal("★★★", StarScale.Glyphs(3));
}
