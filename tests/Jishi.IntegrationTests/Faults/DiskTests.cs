using System.Net;
using Jishi.IntegrationTests.Cli;
using Jishi.IntegrationTests.Points;
using Jishi.Web.Features.Points;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Jishi.IntegrationTests.Infrastructure;

namespace Jishi.IntegrationTests.Faults;

/// <summary>Issue 6 §2 on SQLite: the disk fills up, or the database file becomes read-only, under a stream of awards, and is then
/// mended. The server runs as its own process (<see cref="FaultServer"/>) on its own file, so these run the same in both passes.</summary>
[Trait(Suites.Key, Suites.Faults)]
public sealed class DiskTests(ITestOutputHelper output)
{
    /// <summary>Room the "disk" has for the write-ahead log once the fault starts: a few transactions, then none.</summary>
    private const long RoomForLog = 64 * 1024;

    [Fact]
    public async Task PostEntries_DiskFullThenSpaceReturns_503ChineseNoCorruptionEveryAcknowledgedWriteKept()
    {
        await using var server = await FaultServer.StartAsync();
        await using var load = new AwardStream(await server.ClientForAsync("sq01"), (await server.MembersOfAsync("sq01")).Take(8).ToList());
        await AwardStream.WaitForAsync(() => load.Count(AwardStream.Phase.Up, HttpStatusCode.Created) >= 20, "20 awards before the disk fills");
        // Empty the write-ahead log into the database, then let no file grow past 64 KB: the log soon needs more room than
        // that, exactly as when the disk is full (SQLite sees EFBIG where it would see ENOSPC).
        await ScalarAsync(server, "PRAGMA wal_checkpoint(TRUNCATE)");
        await server.LimitFileSizeAsync(RoomForLog);
        load.Current = AwardStream.Phase.Broken;
        await AwardStream.WaitForAsync(() => load.Count(AwardStream.Phase.Broken, HttpStatusCode.ServiceUnavailable) >= 5, "5 refused awards");
        // Reading needs no room: the server still answers.
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/healthz")).StatusCode);

        await server.LimitFileSizeAsync(null);
        load.Current = AwardStream.Phase.Mended;
        await load.WaitForRecoveryAsync(more: 40);
        await AssertIntactAsync(server, await load.StopAndCheckAsync(output.WriteLine, "数据库暂时无法写入"));
    }

    [Fact]
    public async Task PostEntries_DatabaseFilesMadeImmutableThenWritable_503ChineseReadsGoOnEveryAcknowledgedWriteKept()
    {
        await using var server = await FaultServer.StartAsync();
        var client = await server.ClientForAsync("sq01");
        var members = (await server.MembersOfAsync("sq01")).Take(8).ToList();
        await using var load = new AwardStream(client, members);
        // Root ignores permission bits, but not the immutable attribute: no process may write the file, not even through a
        // descriptor it already holds. The shared-memory index stays writable: it is memory, not data.
        string[] files = [server.DatabaseFile, server.DatabaseFile + "-wal"];
        try
        {
            await AwardStream.WaitForAsync(() => load.Count(AwardStream.Phase.Up, HttpStatusCode.Created) >= 20, "20 awards before the file turns read-only");
            await ChangeAttributeAsync("+i", files);
            load.Current = AwardStream.Phase.Broken;
            await AwardStream.WaitForAsync(() => load.Count(AwardStream.Phase.Broken, HttpStatusCode.ServiceUnavailable) >= 5, "5 refused awards");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/members/{members[0]}/points?year=2016")).StatusCode);

            await ChangeAttributeAsync("-i", files);
            load.Current = AwardStream.Phase.Mended;
            await load.WaitForRecoveryAsync(more: 40);
        }
        finally
        {
            // Else the folder could not be deleted.
            await ChangeAttributeAsync("-i", files);
        }
        await AssertIntactAsync(server, await load.StopAndCheckAsync(output.WriteLine, "数据库暂时无法写入"));
    }

    [Fact]
    public async Task PostEntry_PooledConnectionOpenedWhileFileImmutable_RefusedOnceThenDroppedSoWritesResume()
    {
        await using var factory = new Cli.SqliteFactory();
        var client = await factory.ClientForAsync("sq01");
        var member = (await factory.MembersAsync("sq01"))[0];
        string[] files = [factory.DatabaseFile, factory.DatabaseFile + "-wal"];
        try
        {
            await ChangeAttributeAsync("+i", files);
            // The next request opens the file while it cannot be written: SQLite opens it read-only, for good, and the pool
            // keeps that connection.
            SqliteConnection.ClearAllPools();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/members/{member}/points?year=2016")).StatusCode);
        }
        finally
        {
            await ChangeAttributeAsync("-i", files);
        }

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5 && !answers.Contains(HttpStatusCode.Created); i++)
        {
            answers.Add((await client.PostEntryAsync(member, RuleCodes.LateOrEarly, occurredOn: "2016-06-01")).StatusCode);
        }
        output.WriteLine(string.Join(", ", answers));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answers[0]);
        Assert.Equal(HttpStatusCode.Created, answers[^1]);
    }

    private static async Task ChangeAttributeAsync(string change, string[] files)
    {
        var (exitCode, text) = await ServerProcess.RunProgramAsync("chattr", [change, .. files]);
        Assert.True(exitCode == 0, $"chattr {change} needs CAP_LINUX_IMMUTABLE and a file system with attributes: {text}");
    }

    private static async Task<object?> ScalarAsync(FaultServer server, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={server.DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>After the server stopped: the file passes SQLite's integrity check and <c>jishi verify-ledger</c>, and holds
    /// every award that was answered 201.</summary>
    private async Task AssertIntactAsync(FaultServer server, HashSet<string> acknowledged)
    {
        var stored = await server.WithDbAsync(async db => (await db.LedgerEntries.AsNoTracking()
            .Where(e => e.SourceKey!.StartsWith("fault:")).Select(e => e.SourceKey!).ToListAsync()).ToHashSet());
        server.Stop();
        Assert.Empty(acknowledged.Except(stored));
        Assert.Equal("ok", await ScalarAsync(server, "PRAGMA integrity_check"));
        var verify = await JishiProcess.RunAsync(server.DatabaseFile, null, "verify-ledger");
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
        output.WriteLine($"{acknowledged.Count} awards acknowledged, all stored; integrity_check ok; verify-ledger ok");
    }
}
