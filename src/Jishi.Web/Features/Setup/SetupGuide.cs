namespace Jishi.Web.Features.Setup;

/// <summary>What the street's data says about each step: its name and district given, organizations under it, members,
/// tiers confirmed, accounts besides the first admin's, and a current rule set of the year for every active tier.</summary>
public sealed record SetupFacts(bool StreetNamed, bool HasUnits, bool HasMembers, bool TiersConfirmed, bool HasAccounts, bool HasRuleSets);

/// <summary>The guide's rules: a step is done when the data says so (even if it was skipped earlier), skipped when the
/// office put it aside, otherwise still to do. The guide is finished when nothing is left to do, complete when every step
/// is done.</summary>
public static class SetupGuide
{
    public static readonly IReadOnlyList<SetupStep> Steps = Enum.GetValues<SetupStep>();

    public static bool IsDone(SetupStep step, SetupFacts facts) => step switch
    {
        SetupStep.Street => facts.StreetNamed,
        SetupStep.Units => facts.HasUnits,
        SetupStep.Members => facts.HasMembers,
        SetupStep.Tiers => facts.TiersConfirmed,
        SetupStep.Accounts => facts.HasAccounts,
        SetupStep.RuleSets => facts.HasRuleSets,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };

    public static StepState StateOf(SetupStep step, SetupFacts facts, IReadOnlySet<SetupStep> skipped) =>
        IsDone(step, facts) ? StepState.Done : skipped.Contains(step) ? StepState.Skipped : StepState.Todo;

    public static int DoneCount(SetupFacts facts) => Steps.Count(s => IsDone(s, facts));

    /// <summary>The first step still to do, or null when every step is done or skipped.</summary>
    public static SetupStep? Next(SetupFacts facts, IReadOnlySet<SetupStep> skipped) =>
        Steps.Where(s => StateOf(s, facts, skipped) == StepState.Todo).Select(s => (SetupStep?)s).FirstOrDefault();

    public static bool IsComplete(SetupFacts facts) => DoneCount(facts) == Steps.Count;

    /// <summary>Whether signing in leads to the guide: only on a street whose guide was started (a fresh install without the
    /// demo), until it is finished or dismissed.</summary>
    public static bool Prompts(bool started, bool dismissed, SetupFacts facts, IReadOnlySet<SetupStep> skipped) =>
        started && !dismissed && Next(facts, skipped) is not null;
}
