namespace Jishi.Web.Features.Maintenance;

/// <summary>Runs <see cref="RunBackup"/> every day at <c>Jishi:Backup:Daily</c>, server time. A failed backup is logged
/// and shown on 系统维护; it never stops the server or the schedule.</summary>
public sealed class DailyBackupService(IServiceScopeFactory scopes, BackupSettings settings, BackupStatus status, TimeProvider time)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Daily is not { } at)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = BackupSchedule.NextRun(now, at, time.LocalTimeZone);
            // The timer is set before the next run is published, so whoever reads it may move the clock past it.
            var wait = Task.Delay(next - now, time, stoppingToken);
            status.NextRun = next;
            try
            {
                await wait;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RunBackup>().HandleAsync(stoppingToken);
        }
    }
}
