using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Cli;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.IntegrationTests.Points;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Jishi.IntegrationTests.Faults;

/// <summary>Issue 6 §2, database outage: PostgreSQL stopped the hard way under a stream of awards, then started again. The
/// cluster is the test's own (<see cref="ThrowawayPostgres"/>), so it runs the same in the SQLite and the PostgreSQL pass.</summary>
[Trait(Suites.Key, Suites.Faults)]
public sealed class OutageTests(ITestOutputHelper output)
{
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

    [Fact]
    public async Task PostEntries_PostgresStoppedMidLoadThenStarted_503ChineseThenRecoversKeepingEveryAcknowledgedWrite()
    {
        await using var postgres = await ThrowawayPostgres.StartAsync();
        var connectionString = postgres.ConnectionString("jishi_outage");
        await using var factory = new OutageFactory(connectionString);
        var client = await factory.ClientForAsync("sq01");
        var anonymous = factory.CreateClient();
        await using var load = new AwardStream(client, (await factory.MembersAsync("sq01")).Take(8).ToList());

        await AwardStream.WaitForAsync(() => load.Count(AwardStream.Phase.Up, HttpStatusCode.Created) >= 20, "20 awards before the outage");
        await postgres.StopImmediatelyAsync();
        load.Current = AwardStream.Phase.Broken;
        await AwardStream.WaitForAsync(() => load.Count(AwardStream.Phase.Broken) >= 10, "10 awards tried during the outage");
        var health = await anonymous.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync());
        // A page that reads the database (a phone ballot) shows a Chinese page rather than JSON or a stack trace.
        using var page = new HttpRequestMessage(HttpMethod.Get, "/ballot/ABCDEFGH") { Headers = { { "Accept", "text/html" } } };
        var pageResponse = await anonymous.SendAsync(page);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pageResponse.StatusCode);
        Assert.Equal("text/html", pageResponse.Content.Headers.ContentType?.MediaType);
        Assert.Contains("服务暂时不可用", await pageResponse.Content.ReadAsStringAsync());
        // An English caller gets English, although the exception surfaces outside the localization middleware; and a time to wait.
        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token")
        {
            Headers = { { "Accept-Language", "en" } },
            Content = JsonContent.Create(new { userName = "sq02", password = JishiFactory.DemoPassword }),
        };
        var englishResponse = await anonymous.SendAsync(english);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, englishResponse.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), englishResponse.Headers.RetryAfter?.Delta);
        Assert.Equal("Service temporarily unavailable", (await englishResponse.Content.ReadFromJsonAsync<ProblemRow>())!.Title);

        var restarting = Stopwatch.StartNew();
        await postgres.StartAgainAsync();
        output.WriteLine($"PostgreSQL accepted connections again after {restarting.ElapsedMilliseconds} ms");
        load.Current = AwardStream.Phase.Mended;
        await load.WaitForRecoveryAsync(more: 40);
        output.WriteLine($"Writes stored again {restarting.ElapsedMilliseconds} ms after the start command");
        var acknowledged = await load.StopAndCheckAsync(output.WriteLine, "数据库暂时无法连接");

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
        var stored = (await factory.WithDbAsync(db => db.LedgerEntries.AsNoTracking()
            .Where(e => e.SourceKey!.StartsWith("fault:")).Select(e => e.SourceKey!).ToListAsync())).ToHashSet();
        Assert.Empty(acknowledged.Except(stored));
        var verify = await JishiProcess.RunOnAsync("Postgres", connectionString, null, "verify-ledger");
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
    }
}
