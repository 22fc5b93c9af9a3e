using Jishi.Web.Shared;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Maintenance;

/// <summary>One backup file: its name, the local time in its name and its size in bytes.</summary>
public sealed record BackupFile(string Name, DateTime TakenAt, long Size)
{
    public static BackupFile Of(FileInfo file) => new(file.Name, BackupSchedule.TakenAt(file.Name)!.Value, file.Length);

    /// <summary>The names of the backups in <paramref name="folder"/>; other files there are not backups.</summary>
    public static IEnumerable<string> NamesIn(string folder) => Directory.Exists(folder)
        ? Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>().Where(BackupSchedule.IsBackupName)
        : [];
}

/// <summary>The last backup's outcome: the file written, or the reason none was, in the reader's language.</summary>
public sealed record LastBackup(DateTimeOffset At, string? File, string? Error);

public sealed record BackupOverview(string? Daily, int Keep, string Folder, DateTimeOffset? NextRun, LastBackup? Last,
    IReadOnlyList<BackupFile> Backups);

/// <summary>GET /api/maintenance/backups: the schedule, the last outcome and the backups, newest first.</summary>
public sealed class ListBackups(BackupSettings settings, BackupStatus status, IStringLocalizer<SharedResource> text)
{
    public BackupOverview Handle()
    {
        var backups = BackupFile.NamesIn(settings.Folder).Select(n => BackupFile.Of(new FileInfo(Path.Combine(settings.Folder, n))))
            .OrderByDescending(b => b.TakenAt).ThenByDescending(b => b.Name, StringComparer.Ordinal).ToList();
        var last = status.Last is { } o ? new LastBackup(o.At, o.File, o.Error is { } e ? text.Describe(e) : null) : null;
        return new BackupOverview(settings.Daily?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), settings.Keep,
            settings.Folder, status.NextRun, last, backups);
    }

    /// <summary>The path of the backup called <paramref name="name"/>; a name of another form is refused, whatever it points at.</summary>
    public Result<string> Find(string name)
    {
        if (!BackupSchedule.IsBackupName(name))
        {
            return Error.Invalid("Backup.BadName");
        }
        var path = Path.Combine(settings.Folder, name);
        return File.Exists(path) ? path : Error.NotFound(name);
    }
}
