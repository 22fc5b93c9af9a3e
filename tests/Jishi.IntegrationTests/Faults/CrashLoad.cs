using System.Collections.Concurrent;
using System.Net;

namespace Jishi.IntegrationTests.Faults;

/// <summary>Requests sent by <see cref="CrashLoad"/>: how many got an answer of any kind, the numbers of those that got
/// none (the crash cut them off), of those not sent because the server was killed, and those refused (not 2xx) with their
/// status. <see cref="Repeats"/> counts the answers that named a write stored before (200 for an award or redemption
/// whose key was stored, 409 for a ballot code spent): sent again after a crash, the request whose answer the crash cut
/// off although its write had committed.</summary>
public sealed record LoadOutcome(int Answered, IReadOnlyList<int> Unanswered, IReadOnlyList<int> NotSent,
    IReadOnlyList<(int Request, HttpStatusCode Status)> Refused, int Repeats);

/// <summary>One crash round: the load, kill -9 in the middle of it, the restart, and the checks.</summary>
public sealed record CrashRound(CrashFindings Findings, int KillAfter, LoadOutcome Load, LoadOutcome Resent, ServerProcess.Outcome Verify)
{
    public override string ToString() =>
        $"{Findings}; killed at request {KillAfter}: {Load.Answered} answered ({Load.Refused.Count} refused), {Load.Unanswered.Count} cut off, "
        + $"{Load.NotSent.Count} not sent; after the restart: {Resent.Answered} (re)sent and answered ({Resent.Repeats} of them stored before the kill), {Resent.Unanswered.Count} unanswered; "
        + $"verify-ledger exit {Verify.ExitCode}";
}

/// <summary>Drives a <see cref="CrashScenario"/> against a <see cref="ServerProcess"/>: concurrent clients, kill -9 at a
/// chosen request, restart on the same database, the requests the crash cut off sent again, then the scenario's checks and
/// <c>jishi verify-ledger</c>. Shared by tests/…/Faults/CrashTests.cs (short form) and bench/crash (long form).</summary>
public static class CrashLoad
{
    /// <summary>Prepares and sends requests <paramref name="from"/> to <paramref name="from"/> + <paramref name="requests"/> − 1;
    /// kill -9 once a random share (a fifth to four fifths, from <paramref name="random"/>) has been sent, while the other
    /// clients' requests are in flight; after the restart, the requests cut off are sent again and the rest sent.</summary>
    public static async Task<CrashRound> RoundAsync(ServerProcess server, CrashScenario scenario, int from, int requests, int clients, Random random)
    {
        using (var admin = await server.ClientAsync("admin", 4))
        {
            await scenario.PrepareAsync(admin, from + requests);
        }
        var killAfter = random.Next(requests / 5, requests * 4 / 5);
        var load = await SendAsync(server, scenario, Enumerable.Range(from, requests).ToList(), clients, killAfter);
        await server.StartAsync();
        var resent = await SendAsync(server, scenario, load.Unanswered.Concat(load.NotSent).Order().ToList(), clients, null);
        CrashFindings findings;
        await using (var db = await server.OpenAsync())
        {
            findings = await scenario.CheckAsync(db);
        }
        var verify = await server.RunAsync(null, "verify-ledger");
        return new CrashRound(findings, killAfter, load, resent, verify);
    }

    /// <summary>Sends <paramref name="requests"/> from <paramref name="clients"/> concurrent clients, in order; with
    /// <paramref name="killAfter"/>, the client that would send that request kills the server instead and no more are sent;
    /// once <paramref name="stop"/> is cancelled no more are sent either (nor counted as not sent).</summary>
    public static async Task<LoadOutcome> SendAsync(ServerProcess server, CrashScenario scenario, IReadOnlyList<int> requests, int clients, int? killAfter,
        CancellationToken stop = default)
    {
        using var client = await server.ClientAsync(scenario.Anonymous ? null : "admin", clients);
        var next = -1;
        var killed = false;
        var answered = 0;
        var repeats = 0;
        var unanswered = new ConcurrentBag<int>();
        var notSent = new ConcurrentBag<int>();
        var refused = new ConcurrentBag<(int, HttpStatusCode)>();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref next);
                if (n >= requests.Count)
                {
                    return;
                }
                if (n == killAfter || Volatile.Read(ref killed))
                {
                    // Not sent: to be sent after the restart, with the ones the crash cut off.
                    notSent.Add(requests[n]);
                    if (n == killAfter)
                    {
                        // Killed first, then flagged: the other clients' requests stay in flight until the process is gone.
                        server.Kill();
                        Volatile.Write(ref killed, true);
                    }
                    continue;
                }
                try
                {
                    var status = await scenario.SendAsync(client, requests[n]);
                    Interlocked.Increment(ref answered);
                    if (status == (scenario.RetryMayConflict ? HttpStatusCode.Conflict : HttpStatusCode.OK))
                    {
                        Interlocked.Increment(ref repeats);
                    }
                    if ((int)status is < 200 or > 299)
                    {
                        refused.Add((requests[n], status));
                    }
                }
                catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
                {
                    // The server died with the request in flight: not acknowledged, whatever became of it.
                    unanswered.Add(requests[n]);
                }
            }
        })));
        return new LoadOutcome(answered, unanswered.Order().ToList(), notSent.Order().ToList(), refused.OrderBy(r => r.Item1).ToList(), repeats);
    }
}
