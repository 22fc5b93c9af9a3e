using System.Diagnostics;
using System.Globalization;
using Jishi.Bench;
using Jishi.IntegrationTests.Faults;

// The long form of tests/Jishi.IntegrationTests/Faults/CrashTests.cs: ROUNDS rounds, each of which runs the three write
// scenarios (ballots, awards, redemptions) in turn with REQUESTS requests from CLIENTS concurrent clients, kill -9 of the
// server at a random request (seeded), a restart on the same database, the cut-off requests sent again and the rest sent,
// then the scenario's checks and `jishi verify-ledger`. The database is the same for all rounds, so each round's checks
// also cover every earlier round. Prints one line per scenario and round and the totals; exit 1 on any write acknowledged
// but missing, any write half applied, or verify-ledger failing.
// Usage: Jishi.Bench.Crash.dll SERVER_DLL [--db sqlite|postgres] [--rounds N] [--requests N] [--clients N] [--seed N]
var serverDll = Path.GetFullPath(args[0]);
string Option(string name, string fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
var postgres = Option("--db", "sqlite") == "postgres";
var rounds = int.Parse(Option("--rounds", "5"), CultureInfo.InvariantCulture);
var requests = int.Parse(Option("--requests", "1000"), CultureInfo.InvariantCulture);
var clients = int.Parse(Option("--clients", "20"), CultureInfo.InvariantCulture);
var seed = int.Parse(Option("--seed", Random.Shared.Next().ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
var random = new Random(seed);
var cluster = postgres
    ? Environment.GetEnvironmentVariable("JISHI_BENCH_POSTGRES")
        ?? throw new InvalidOperationException("JISHI_BENCH_POSTGRES names the PostgreSQL server (bench/crash/run.sh --db postgres sets it).")
    : null;
Console.WriteLine($"crash bench on {(postgres ? "PostgreSQL" : "SQLite")}: {rounds} rounds × 3 scenarios × {requests} requests from {clients} clients, "
    + $"seed {seed} (--seed {seed} repeats the kill points); load average {BenchServer.LoadAverage()}");

await using var server = new ServerProcess(serverDll, cluster);
var watch = Stopwatch.StartNew();
await server.StartAsync();
Console.WriteLine($"server with the demo started in {watch.Elapsed.TotalSeconds:F1} s");
CrashScenario[] scenarios = [new BallotCrash(), new AwardCrash(), new RedemptionCrash()];
var totals = scenarios.ToDictionary(s => s.Name, _ => new Totals());
var failed = false;
for (var round = 0; round < rounds; round++)
{
    foreach (var scenario in scenarios)
    {
        watch.Restart();
        var result = await CrashLoad.RoundAsync(server, scenario, round * requests, requests, clients, random);
        var t = totals[scenario.Name];
        t.Kills++;
        t.Sent += requests;
        t.CutOff += result.Load.Unanswered.Count;
        t.StoredBeforeKill += result.Resent.Repeats;
        t.Acknowledged = result.Findings.Acknowledged;
        t.Found = result.Findings.Found;
        t.HalfApplied = Math.Max(t.HalfApplied, result.Findings.HalfApplied);
        t.VerifyFailures += result.Verify.ExitCode == 0 ? 0 : 1;
        var bad = result.Findings.Missing > 0 || result.Findings.HalfApplied > 0 || result.Verify.ExitCode != 0
            || result.Load.Refused.Count > 0 || result.Resent.Unanswered.Count > 0
            || result.Resent.Refused.Any(r => !(scenario.RetryMayConflict && r.Status == System.Net.HttpStatusCode.Conflict));
        failed |= bad;
        Console.WriteLine($"round {round + 1} {result} ({watch.Elapsed.TotalSeconds:F1} s){(bad ? " FAILED\n" + result.Verify.Error : "")}");
    }
}
Console.WriteLine("totals (acknowledged and found count every round so far, on one database):");
foreach (var (name, t) in totals)
{
    Console.WriteLine($"  {name}: {t.Kills} kills, {t.Sent} requests, {t.CutOff} cut off by the kills, {t.Acknowledged} acknowledged, {t.Found} found, "
        + $"{t.Acknowledged - t.Found} missing, {t.HalfApplied} half-applied, {t.StoredBeforeKill} cut off but stored (the retry got the first write), "
        + $"verify-ledger failed {t.VerifyFailures} times");
}
Console.WriteLine($"server peak memory is not measured here (it is restarted each round); load average {BenchServer.LoadAverage()}");
return failed ? 1 : 0;

internal sealed class Totals
{
    public int Kills { get; set; }
    public int Sent { get; set; }
    public int CutOff { get; set; }
    public int StoredBeforeKill { get; set; }
    public int Acknowledged { get; set; }
    public int Found { get; set; }
    public int HalfApplied { get; set; }
    public int VerifyFailures { get; set; }
}
