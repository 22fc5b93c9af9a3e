using Jishi.Web.Features.Points;

namespace Jishi.UnitTests.Features.Points;

/// <summary>The guard every change of a rule set goes through: only a draft may be revised or adopted.</summary>
public sealed class RuleSetTests
{
    [Fact]
    public void WhyNotDraft_Draft_ReturnsNull()
    {
        Assert.Null(RuleSet.DefaultDraft(1, "在职", 2024).WhyNotDraft());
        Assert.Null(RuleSet.CreateDefault(1, "在职", 2024).NewDraft(2).WhyNotDraft());
    }

    [Fact]
    public void WhyNotDraft_CurrentOrRetired_ReturnsNotDraftConflict()
    {
        var current = RuleSet.CreateDefault(1, "在职", 2024);
        var draft = current.NewDraft(2);
        var beforeAdoption = current.WhyNotDraft();
        draft.Adopt(current);
        foreach (var error in new[] { beforeAdoption, current.WhyNotDraft(), draft.WhyNotDraft() })
        {
            Assert.NotNull(error);
            Assert.Equal(("Points.NotDraft", 409), (error.Code, error.Status));
        }
        Assert.Equal((RuleSetStatus.Retired, RuleSetStatus.Current), (current.Status, draft.Status));
    }
}
