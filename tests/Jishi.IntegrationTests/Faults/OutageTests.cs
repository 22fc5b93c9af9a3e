using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Cli;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.IntegrationTests.Points;
using Jishi.Web.Features.Points;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Jishi.IntegrationTests.Faults;

/// <summary>Issue 6 §2, database outage: PostgreSQL stopped the hard way under a stream of awards, then started again. The
/// cluster is the test's own (<see cref="ThrowawayPostgres"/>), so it runs the same in the SQLite and the PostgreSQL pass.</summary>
public sealed class OutageTests(ITestOutputHelper output)
{
    private const int Writers = 4;

    /// <summary>The product with the demo on the throwaway cluster, whatever database the rest of the suite uses.</summary>
    private sealed class OutageFactory(string connectionString) : JishiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Jishi", connectionString);
        }
    }

    private enum Phase
    {
        Up,
        Down,
        Restarted,
        Recovered,
    }

    private sealed record Outcome(string SourceKey, Phase Phase, HttpStatusCode Status, string? ContentType, string Body);

    [Fact]
    public async Task PostEntries_PostgresStoppedMidLoadThenStarted_503ChineseThenRecoversKeepingEveryAcknowledgedWrite()
    {
        await using var postgres = await ThrowawayPostgres.StartAsync();
        var connectionString = postgres.ConnectionString("jishi_outage");
        await using var factory = new OutageFactory(connectionString);
        var client = await factory.ClientForAsync("sq01");
        var members = (await factory.MembersAsync("sq01")).Take(8).ToList();
        var anonymous = factory.CreateClient();

        var phase = (int)Phase.Up;
        var outcomes = new ConcurrentQueue<Outcome>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var key = $"outage:{w}:{i}";
                var startedIn = (Phase)Volatile.Read(ref phase);
                var response = await client.PostEntryAsync(members[(w + i) % members.Count], RuleCodes.LateOrEarly, occurredOn: "2016-06-01",
                    sourceKey: key);
                outcomes.Enqueue(new(key, startedIn, response.StatusCode, response.Content.Headers.ContentType?.MediaType,
                    await response.Content.ReadAsStringAsync()));
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    // A client that backs off, as Retry-After asks, rather than a tight loop of refused connections.
                    await Task.Delay(50);
                }
            }
        })).ToList();
        try
        {
            await WaitForAsync(() => outcomes.Count(o => o.Status == HttpStatusCode.Created) >= 20, "20 awards before the outage");

            await postgres.StopImmediatelyAsync();
            Volatile.Write(ref phase, (int)Phase.Down);
            await WaitForAsync(() => outcomes.Count(o => o.Phase == Phase.Down) >= 10, "10 awards tried during the outage");
            var health = await anonymous.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync());
            // A page that reads the database (a phone ballot) shows a Chinese page rather than JSON or a stack trace.
            using var page = new HttpRequestMessage(HttpMethod.Get, "/ballot/ABCDEFGH") { Headers = { { "Accept", "text/html" } } };
            var pageResponse = await anonymous.SendAsync(page);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, pageResponse.StatusCode);
            Assert.Equal("text/html", pageResponse.Content.Headers.ContentType?.MediaType);
            Assert.Contains("服务暂时不可用", await pageResponse.Content.ReadAsStringAsync());

            var restarting = Stopwatch.StartNew();
            await postgres.StartAgainAsync();
            output.WriteLine($"PostgreSQL accepted connections again after {restarting.ElapsedMilliseconds} ms");
            Volatile.Write(ref phase, (int)Phase.Restarted);
            await WaitForAsync(() => outcomes.Any(o => o.Phase >= Phase.Down && o.Status == HttpStatusCode.Created), "the first award after the restart");
            output.WriteLine($"First award after the restart stored {restarting.ElapsedMilliseconds} ms after the start command");
            Volatile.Write(ref phase, (int)Phase.Recovered);
            await WaitForAsync(() => outcomes.Count(o => o.Phase == Phase.Recovered) >= 40, "40 awards after recovery");
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        var all = outcomes.ToList();
        output.WriteLine(string.Join(", ", all.GroupBy(o => (o.Phase, o.Status)).Select(g => $"{g.Key.Phase} {(int)g.Key.Status}: {g.Count()}")));
        Assert.All(all, o => Assert.True(o.Status is HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable, $"{o.Status}: {o.Body}"));
        Assert.All(all.Where(o => o.Phase == Phase.Recovered), o => Assert.Equal(HttpStatusCode.Created, o.Status));
        var refused = all.Where(o => o.Status == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, o =>
        {
            Assert.Equal("application/problem+json", o.ContentType);
            var problem = System.Text.Json.JsonSerializer.Deserialize<ProblemRow>(o.Body, System.Text.Json.JsonSerializerOptions.Web)!;
            Assert.Equal(503, problem.Status);
            Assert.Equal("服务暂时不可用", problem.Title);
            Assert.Contains("未被保存", problem.Detail);
        });
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);

        var acknowledged = all.Where(o => o.Status == HttpStatusCode.Created).Select(o => o.SourceKey).ToHashSet();
        var stored = (await factory.WithDbAsync(db => db.LedgerEntries.AsNoTracking()
            .Where(e => e.SourceKey!.StartsWith("outage:")).Select(e => e.SourceKey!).ToListAsync())).ToHashSet();
        Assert.Empty(acknowledged.Except(stored));
        var verify = await JishiProcess.RunOnAsync("Postgres", connectionString, null, "verify-ledger");
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "Timed out waiting for " + what);
            await Task.Delay(20);
        }
    }
}
