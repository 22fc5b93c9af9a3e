namespace Jishi.Web.Features.Setup;

/// <summary>The steps of the set-up guide (开通向导), in the order a street office takes them.</summary>
public enum SetupStep
{
    Street = 0,
    Units = 1,
    Members = 2,
    Tiers = 3,
    Accounts = 4,
    RuleSets = 5,
}

public enum StepState
{
    Todo = 0,
    Done = 1,
    Skipped = 2,
}
