using Jishi.Web.Features.Points;
using Jishi.Web.Features.Publicity;

namespace Jishi.UnitTests.Features.Publicity;

public sealed class PublicityWeightsTests
{
    [Fact]
    public void Of_Defaults_OneTwoFourEight()
    {
        var weights = new PublicityWeights();

        Assert.Equal([1m, 2m, 4m, 8m], Enum.GetValues<OutletLevel>().Select(weights.Of));
    }

    [Fact]
    public void Of_Configured_UsesConfiguredWeight() =>
        Assert.Equal(3m, new PublicityWeights { Province = 3 }.Of(OutletLevel.Province));

    [Fact]
    public void RuleCodeOf_EveryLevel_RuleInEveryDefaultSet()
    {
        foreach (var tier in new[] { "在职", "离退休", "流动", "年老体弱" })
        {
            var codes = RuleSet.DefaultRules(tier).Select(r => r.Code).ToHashSet();
            Assert.All(Enum.GetValues<OutletLevel>(), level => Assert.Contains(PublicityWeights.RuleCodeOf(level), codes));
        }
    }

    [Fact]
    public void SourceKeyOf_ItemAndMember_OneKeyPerCredit() =>
        Assert.Equal("publicity:12:member:345", PublicityItem.SourceKeyOf(12, 345));
}
