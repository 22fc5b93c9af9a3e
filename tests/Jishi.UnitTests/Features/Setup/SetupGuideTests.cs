using Jishi.Web.Features.Setup;

namespace Jishi.UnitTests.Features.Setup;

public sealed class SetupGuideTests
{
    private static readonly SetupFacts Fresh = new(false, false, false, false, false, false);
    private static readonly SetupFacts AllDone = new(true, true, true, true, true, true);
    private static readonly HashSet<SetupStep> None = [];

    [Fact]
    public void Next_FreshStreet_IsNamingTheStreet()
    {
        Assert.Equal(SetupStep.Street, SetupGuide.Next(Fresh, None));
        Assert.Equal(0, SetupGuide.DoneCount(Fresh));
    }

    [Fact]
    public void Next_StreetNamedAndUnitsSkipped_IsTheRoster()
    {
        var facts = Fresh with { StreetNamed = true };
        Assert.Equal(SetupStep.Members, SetupGuide.Next(facts, new HashSet<SetupStep> { SetupStep.Units }));
        Assert.Equal(1, SetupGuide.DoneCount(facts));
    }

    [Fact]
    public void StateOf_SkippedStepWhoseDataArrived_IsDone()
    {
        var facts = Fresh with { HasMembers = true };
        var skipped = new HashSet<SetupStep> { SetupStep.Members, SetupStep.Units };
        Assert.Equal(StepState.Done, SetupGuide.StateOf(SetupStep.Members, facts, skipped));
        Assert.Equal(StepState.Skipped, SetupGuide.StateOf(SetupStep.Units, facts, skipped));
        Assert.Equal(StepState.Todo, SetupGuide.StateOf(SetupStep.Tiers, facts, skipped));
    }

    [Theory]
    [InlineData(SetupStep.Street)]
    [InlineData(SetupStep.Units)]
    [InlineData(SetupStep.Members)]
    [InlineData(SetupStep.Tiers)]
    [InlineData(SetupStep.Accounts)]
    [InlineData(SetupStep.RuleSets)]
    public void IsDone_EachFactAlone_MarksOnlyItsStep(SetupStep step)
    {
        var facts = step switch
        {
            SetupStep.Street => Fresh with { StreetNamed = true },
            SetupStep.Units => Fresh with { HasUnits = true },
            SetupStep.Members => Fresh with { HasMembers = true },
            SetupStep.Tiers => Fresh with { TiersConfirmed = true },
            SetupStep.Accounts => Fresh with { HasAccounts = true },
            _ => Fresh with { HasRuleSets = true },
        };
        Assert.Equal(new[] { step }, SetupGuide.Steps.Where(s => SetupGuide.IsDone(s, facts)));
    }

    [Fact]
    public void Prompts_StartedWithStepsLeft_LeadsToTheGuide() => Assert.True(SetupGuide.Prompts(true, false, Fresh, None));

    [Fact]
    public void Prompts_NotStarted_DoesNotLead() => Assert.False(SetupGuide.Prompts(false, false, Fresh, None));

    [Fact]
    public void Prompts_Dismissed_DoesNotLead() => Assert.False(SetupGuide.Prompts(true, true, Fresh, None));

    [Fact]
    public void Prompts_EveryStepDoneOrSkipped_DoesNotLeadButIsNotComplete()
    {
        var facts = AllDone with { HasAccounts = false };
        var skipped = new HashSet<SetupStep> { SetupStep.Accounts };
        Assert.Null(SetupGuide.Next(facts, skipped));
        Assert.False(SetupGuide.Prompts(true, false, facts, skipped));
        Assert.False(SetupGuide.IsComplete(facts));
        Assert.Equal(5, SetupGuide.DoneCount(facts));
    }

    [Fact]
    public void IsComplete_EveryStepDone_IsTrue()
    {
        Assert.True(SetupGuide.IsComplete(AllDone));
        Assert.Null(SetupGuide.Next(AllDone, None));
    }

    [Fact]
    public void Skip_ThenResume_KeepsOtherSteps()
    {
        var progress = new SetupProgress(1);
        progress.Skip(SetupStep.Units);
        progress.Skip(SetupStep.Accounts);
        progress.Resume(SetupStep.Units);
        Assert.Equal(new HashSet<SetupStep> { SetupStep.Accounts }, progress.Skipped);
    }
}
