using Jishi.Web.Features.Organizations;

namespace Jishi.UnitTests.Features.Organizations;

public sealed class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("914403001922038216")]
    [InlineData("91110000802100433B")]
    [InlineData("91110108551385082Q")]
    [InlineData("91330000MA27U08X6L")]
    public void IsValid_RealCode_ReturnsTrue(string code) => Assert.True(CreditCode.IsValid(code));

    [Theory]
    [InlineData("91350100M000100Y44")] // check character off by one
    [InlineData("914403001922038217")]
    [InlineData("91110000802100433C")]
    [InlineData("91350100M000100Y4")] // 17 characters
    [InlineData("91350100M000100Y433")] // 19 characters
    [InlineData("91350100I000100Y43")] // I is not in the alphabet
    [InlineData("91350100m000100Y43")] // lower case
    [InlineData("")]
    public void IsValid_WrongCode_ReturnsFalse(string code) => Assert.False(CreditCode.IsValid(code));

    [Fact]
    public void CheckCharacter_CheckValueThirtyOne_IsZero()
    {
        // A code whose weighted sum is a multiple of 31 checks with 0, not with the 32nd character.
        var body = "00000000000000000";
        Assert.Equal('0', CreditCode.CheckCharacter(body + "0"));
    }
}
