using Xunit.Abstractions;
using Jishi.IntegrationTests.Infrastructure;

namespace Jishi.IntegrationTests.Faults;

/// <summary><c>jishi backup</c> taken while 20 clients post awards to the server process (SQLite's online backup, or
/// pg_dump), restored with <c>jishi restore FILE --yes</c> into a fresh database: <c>verify-ledger</c> passes on it and
/// every award acknowledged before the backup started is in it, with its balance.</summary>
[Trait(Suites.Key, Suites.Faults)]
[Collection(CrashCollection.Name)]
public sealed class BackupUnderLoadTests(CrashServer fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Backup_WhileTwentyClientsAward_RestoreHoldsEveryEarlierAwardAndVerifies()
    {
        var server = await fixture.RunningAsync();
        var awards = new AwardCrash();
        using (var admin = await server.ClientAsync("admin", 4))
        {
            await awards.PrepareAsync(admin, 0);
        }
        using var stop = new CancellationTokenSource();
        var load = CrashLoad.SendAsync(server, awards, Enumerable.Range(0, 1_000_000).ToList(), 20, null, stop.Token);
        while (awards.AcknowledgedSoFar().Count < 100 && !load.IsCompleted)
        {
            await Task.Delay(20);
        }
        var beforeBackup = awards.AcknowledgedSoFar();
        var file = Path.Combine(Path.GetTempPath(), $"jishi-under-load-{Guid.NewGuid():N}.backup");
        try
        {
            var backup = await server.RunAsync(null, "backup", file);
            var duringBackup = awards.AcknowledgedSoFar().Count - beforeBackup.Count;
            await stop.CancelAsync();
            var sent = await load;
            output.WriteLine($"{server.Provider}: {beforeBackup.Count} awards acknowledged before the backup, {duringBackup} while it ran; "
                + $"{sent.Answered} answered in all, {sent.Refused.Count} refused");
            Assert.True(backup.ExitCode == 0, backup.Error);
            Assert.Empty(sent.Refused);
            Assert.True(duringBackup > 0, "the clients kept awarding while the backup ran");

            var restored = server.NewDatabase("restored");
            var restore = await server.RunAsync(restored, "restore", file, "--yes");
            Assert.True(restore.ExitCode == 0, restore.Error);
            var verify = await server.RunAsync(restored, "verify-ledger");
            Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
            await using var db = await server.OpenAsync(restored);
            var findings = await awards.CheckAsync(db, beforeBackup);
            output.WriteLine(findings.ToString());
            Assert.True(findings.Missing == 0 && findings.HalfApplied == 0, findings.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
