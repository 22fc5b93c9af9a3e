using System.Net;
using Xunit.Abstractions;
using Jishi.IntegrationTests.Infrastructure;

namespace Jishi.IntegrationTests.Faults;

/// <summary>kill -9 of the server in the middle of each write scenario (ballots, awards, redemptions), 300 requests from 20
/// concurrent clients, then a restart on the same database: every write answered 2xx must be stored, nothing half applied,
/// the requests the crash cut off can be sent again, and <c>jishi verify-ledger</c> passes. The long form is bench/crash.</summary>
[Trait(Suites.Key, Suites.Faults)]
[Collection(CrashCollection.Name)]
public sealed class CrashTests(CrashServer fixture, ITestOutputHelper output)
{
    private const int Requests = 300;
    private const int Clients = 20;

    [Theory]
    [InlineData("ballots")]
    [InlineData("awards")]
    [InlineData("redemptions")]
    public async Task KillNine_DuringWrites_EveryAcknowledgedWriteStoredWhole(string name)
    {
        CrashScenario scenario = name switch
        {
            "ballots" => new BallotCrash(),
            "awards" => new AwardCrash(),
            _ => new RedemptionCrash(),
        };
        var seed = CrashServer.Seed();
        var server = await fixture.RunningAsync();
        output.WriteLine($"{server.Provider}, seed {seed} (JISHI_CRASH_SEED={seed} repeats the kill point)");

        var round = await CrashLoad.RoundAsync(server, scenario, 0, Requests, Clients, new Random(seed));

        output.WriteLine(round.ToString());
        Assert.Empty(round.Load.Refused);
        Assert.True(round.Load.Unanswered.Count > 0, "the kill cut off requests in flight");
        Assert.True(round.Findings.Acknowledged > 0, "requests were acknowledged before the kill");
        Assert.True(round.Findings.Missing == 0 && round.Findings.HalfApplied == 0, $"{round.Findings}\n{fixture.LogTail()}");
        Assert.Empty(round.Resent.Unanswered);
        Assert.All(round.Resent.Refused, r => Assert.True(scenario.RetryMayConflict && r.Status == HttpStatusCode.Conflict,
            $"request {r.Request} sent again answered {r.Status}"));
        // Every request in the end answered: acknowledged, or (a ballot) refused as already cast because its first sending
        // was stored when the crash cut off the answer.
        Assert.Equal(Requests, round.Findings.Acknowledged + round.Resent.Refused.Count);
        Assert.True(round.Verify.ExitCode == 0, round.Verify.Output + round.Verify.Error);
    }
}
