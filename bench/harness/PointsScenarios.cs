using System.Diagnostics;
using Jishi.Web.Features.Points;

namespace Jishi.Bench;

/// <summary>Single awards on the city: 党员大会 attendance today (capped 20 a year, so late ones are granted 0 but still
/// stored) for random members through <c>POST /api/points/entries</c>, each as the member's street administrator.
/// Afterwards <c>jishi verify-ledger</c> must pass on the database.</summary>
public sealed class AwardsScenario : CityScenario
{
    public override bool Writes => true;
    public override string Unit => "awards";

    public override Task<bool?> RequestAsync(Random random)
    {
        var i = random.Next(City.MemberIds.Length);
        return SendAsync(HttpMethod.Post, "/api/points/entries", City.MemberStreet[i],
            new { memberId = City.MemberIds[i], ruleCode = RuleCodes.GeneralMeeting, quantity = 1, occurredOn = City.Today });
    }

    public override async Task CheckAsync(Run run)
    {
        var started = Stopwatch.GetTimestamp();
        var verify = new ProcessStartInfo("dotnet", [run.Options.ServerDll, "verify-ledger"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in run.Server.Environment)
        {
            verify.Environment[key] = value;
        }
        using var process = Process.Start(verify)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Console.WriteLine($"verify-ledger: exit {process.ExitCode}: {(await output).Trim()} {(await errors).Trim()}");
        run.Check(process.ExitCode == 0, $"verify-ledger after the load exit {process.ExitCode} ({Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s)");
    }
}

/// <summary>A member's points statement for last year, <c>GET /api/members/{id}/points?year=</c>, random members.</summary>
public sealed class StatementScenario : CityScenario
{
    public override bool Writes => false;

    public override Task<bool?> RequestAsync(Random random)
    {
        var i = random.Next(City.MemberIds.Length);
        return SendAsync(HttpMethod.Get, $"/api/members/{City.MemberIds[i]}/points?year={City.ReportYear}", City.MemberStreet[i]);
    }
}

/// <summary>A street's top 100 of last year, <c>GET /api/points/leaderboard?unitId=&amp;year=&amp;top=100</c>, random streets.</summary>
public sealed class LeaderboardScenario : CityScenario
{
    public override bool Writes => false;

    public override Task<bool?> RequestAsync(Random random)
    {
        var s = random.Next(City.Streets);
        return SendAsync(HttpMethod.Get, $"/api/points/leaderboard?unitId={City.StreetIds[s]}&year={City.ReportYear}&top=100", s);
    }
}

/// <summary>A street's year-end sheet of last year (every member's score, stars, rank and suggested grade),
/// <c>GET /api/points/year-end?unitId=&amp;year=</c>, random streets. Afterwards the 40 streets' sheets are taken one after
/// another: together they are every member of the city (no account sees the whole city; the tree's roots are streets).</summary>
public sealed class YearEndScenario : CityScenario
{
    public override bool Writes => false;
    public override string Unit => "sheets";

    public override Task<bool?> RequestAsync(Random random)
    {
        var s = random.Next(City.Streets);
        return SendAsync(HttpMethod.Get, $"/api/points/year-end?unitId={City.StreetIds[s]}&year={City.ReportYear}", s);
    }

    public override async Task CheckAsync(Run run)
    {
        var started = Stopwatch.GetTimestamp();
        var failed = 0;
        for (var s = 0; s < City.Streets; s++)
        {
            failed += await SendAsync(HttpMethod.Get, $"/api/points/year-end?unitId={City.StreetIds[s]}&year={City.ReportYear}", s) == true ? 0 : 1;
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        run.Check(failed == 0, $"all {City.Streets} streets' sheets ({City.MemberIds.Length:N0} members) one after another {seconds:F2} s (target < 10 s)");
    }
}
