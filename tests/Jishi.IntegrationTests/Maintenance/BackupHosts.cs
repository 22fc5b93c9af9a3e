using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Jishi.IntegrationTests.Maintenance;

/// <summary>A host on a fake clock at 02:00 UTC (the fake clock's server time) with a daily backup at 02:30, keeping two.</summary>
public sealed class DailyBackupFactory() : JishiFactory(new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero)))
{
    protected override string BackupDaily => "02:30";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Jishi:Backup:Keep", "2");
    }
}

public sealed record BackupFileRow(string Name, DateTime TakenAt, long Size);

public sealed record LastBackupRow(DateTimeOffset At, string? File, string? Error);

public sealed record BackupOverviewRow(string? Daily, int Keep, string Folder, DateTimeOffset? NextRun, LastBackupRow? Last, List<BackupFileRow> Backups);

public static class BackupApi
{
    public const string Backups = "/api/maintenance/backups";

    public static async Task<BackupOverviewRow> OverviewAsync(this HttpClient client) =>
        (await client.GetFromJsonAsync<BackupOverviewRow>(Backups))!;

    /// <summary>Asks for the overview until <paramref name="done"/> holds of it; fails after half a minute.</summary>
    public static async Task<BackupOverviewRow> OverviewWhenAsync(this HttpClient client, Func<BackupOverviewRow, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var overview = await client.OverviewAsync();
            if (done(overview))
            {
                return overview;
            }
            await Task.Delay(50, timeout.Token);
        }
    }
}
