using Jishi.Web.Data;

namespace Jishi.Web.Features.Maintenance;

/// <summary>The daily backup as configured: <c>Jishi:Backup:Daily</c> ("HH:mm" server time, empty for none),
/// <c>Jishi:Backup:Keep</c> (how many files stay) and the folder, <c>Jishi:Backup:Folder</c> or else "backups" in the data
/// folder (<c>Jishi:DataDirectory</c>, ./data by default).</summary>
public sealed record BackupSettings(TimeOnly? Daily, int Keep, string Folder)
{
    public const int DefaultKeep = 14;

    public static BackupSettings From(IConfiguration config) => new(
        BackupSchedule.ParseDaily(config["Jishi:Backup:Daily"]),
        config.GetValue("Jishi:Backup:Keep", DefaultKeep),
        Path.GetFullPath(config["Jishi:Backup:Folder"] is { Length: > 0 } folder ? folder : Path.Combine(DatabaseSetup.DataDirectory(config), "backups")));
}
