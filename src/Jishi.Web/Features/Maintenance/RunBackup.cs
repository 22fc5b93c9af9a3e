using Jishi.Web.Data;
using Jishi.Web.Features.Cli;
using Jishi.Web.Shared;
using Npgsql;

namespace Jishi.Web.Features.Maintenance;

/// <summary>POST /api/maintenance/backups and the daily run: writes jishi-YYYYMMDD-HHmm.ext into the backup folder
/// with the same code as <c>jishi backup FILE</c>, then deletes the oldest backups beyond the count kept. On PostgreSQL
/// an advisory lock lets only one of several servers on the database write at a time.</summary>
public sealed class RunBackup(DatabaseBackup backup, BackupSettings settings, BackupStatus status, TimeProvider time,
    IConfiguration config, ILogger<RunBackup> log)
{
    /// <summary>The advisory lock key of the backup ("JSBK").</summary>
    private const long LockKey = 0x4A53424B;

    public async Task<Result<BackupFile>> HandleAsync(CancellationToken ct)
    {
        if (!status.TryBegin())
        {
            return Error.Conflict("Backup.Running");
        }
        BackupStatus.Outcome? outcome = null;
        try
        {
            var result = await AttemptAsync(ct);
            outcome = new BackupStatus.Outcome(time.GetUtcNow(), result.Value?.Name, result.Error);
            return result;
        }
        finally
        {
            status.End(outcome);
        }
    }

    private async Task<Result<BackupFile>> AttemptAsync(CancellationToken ct)
    {
        Result<BackupFile> result;
        try
        {
            result = DatabaseSetup.Provider(config) == DatabaseProvider.Postgres ? await LockedAsync(ct) : await WriteAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "The backup into {Folder} failed", settings.Folder);
            return new Error("Backup.Failed", StatusCodes.Status500InternalServerError, e.Message);
        }
        if (result.Error is { } error)
        {
            log.LogError("No backup written into {Folder}: {Code} {Args}", settings.Folder, error.Code, string.Join("; ", error.Args));
        }
        return result;
    }

    private async Task<Result<BackupFile>> LockedAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(DatabaseSetup.ConnectionString(config));
        await connection.OpenAsync(ct);
        if (!await LockCommandAsync(connection, "pg_try_advisory_lock", ct))
        {
            return Error.Conflict("Backup.OtherServer");
        }
        try
        {
            return await WriteAsync(ct);
        }
        finally
        {
            await LockCommandAsync(connection, "pg_advisory_unlock", CancellationToken.None);
        }
    }

    private static async Task<bool> LockCommandAsync(NpgsqlConnection connection, string function, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT {function}(@key)", connection);
        command.Parameters.AddWithValue("key", LockKey);
        return await command.ExecuteScalarAsync(ct) is true;
    }

    private async Task<Result<BackupFile>> WriteAsync(CancellationToken ct)
    {
        var name = BackupSchedule.FileName(time.GetLocalNow(), backup.Extension);
        var path = Path.Combine(settings.Folder, name);
        if (File.Exists(path))
        {
            return Error.Conflict("Backup.SameMinute", name);
        }
        var written = await backup.BackupAsync(path, ct);
        if (written.Error is { } error)
        {
            return error;
        }
        foreach (var old in BackupSchedule.ToDelete(BackupFile.NamesIn(settings.Folder), settings.Keep))
        {
            File.Delete(Path.Combine(settings.Folder, old));
        }
        return BackupFile.Of(new FileInfo(path));
    }
}
