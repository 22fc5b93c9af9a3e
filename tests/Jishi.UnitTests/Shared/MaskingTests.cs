using Jishi.Web.Shared;

namespace Jishi.UnitTests.Shared;

public sealed class MaskingTests
{
    [Fact]
    public void IdNumber_EighteenCharacters_KeepsRegionAndLastFour() =>
        Assert.Equal("110105********002X", Masking.IdNumber("11010519491231002X"));

    [Fact]
    public void Phone_Mobile_KeepsFirstThreeAndLastFour() => Assert.Equal("138****2345", Masking.Phone("13893112345"));

    [Fact]
    public void Phone_LandlineWithAreaCode_KeepsFirstThreeAndLastFour() => Assert.Equal("093*****1234", Masking.Phone("0931-8451234"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("123456")]
    public void Phone_TooShortToMask_ReturnsUnchanged(string? value) => Assert.Equal(value, Masking.Phone(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("123456789")]
    public void IdNumber_TooShortToMask_ReturnsUnchanged(string? value) => Assert.Equal(value, Masking.IdNumber(value));

    [Fact]
    public void IdNumber_Masked_HidesBirthDate()
    {
        var masked = Masking.IdNumber("620102198507150019")!;
        Assert.DoesNotContain("19850715", masked);
        Assert.Equal(18, masked.Length);
    }
}
