namespace Jishi.IntegrationTests.Infrastructure;

/// <summary>The slow suites, marked <c>[Trait(Suites.Key, …)]</c> on their classes: <c>scripts/test.sh --fast</c> leaves them
/// out of the edit-test loop (filter <c>Suite!=Faults&amp;Suite!=Cli&amp;Suite!=Abuse</c>); the full run has them all.</summary>
public static class Suites
{
    public const string Key = "Suite";

    /// <summary>Crashes, full disks and outages of a real server process.</summary>
    public const string Faults = "Faults";

    /// <summary>The command line, run as processes.</summary>
    public const string Cli = "Cli";

    /// <summary>Corpora of hostile input against every route.</summary>
    public const string Abuse = "Abuse";
}
