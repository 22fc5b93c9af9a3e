using System.Globalization;
using System.Text.RegularExpressions;

namespace Jishi.Web.Features.Maintenance;

/// <summary>The rules of the daily backup: when the next one is due, what its file is called, and which old files go.
/// Files are named <c>jishi-YYYYMMDD-HHmm.ext</c> in the server's local time; only names of that form are listed,
/// served or deleted.</summary>
public static partial class BackupSchedule
{
    /// <summary>The time of day in "HH:mm"; null when <paramref name="text"/> is empty (no daily backup) or not a time.</summary>
    public static TimeOnly? ParseDaily(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;

    /// <summary>The first moment after <paramref name="now"/> at which the clock of <paramref name="zone"/> reads
    /// <paramref name="at"/>: today when that is still ahead, tomorrow otherwise.</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, TimeOnly at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        for (var i = 0; ; i++)
        {
            var wall = day.AddDays(i).ToDateTime(at);
            // A time that a daylight-saving jump skips happens an hour later that day.
            if (zone.IsInvalidTime(wall))
            {
                wall = wall.AddHours(1);
            }
            var candidate = new DateTimeOffset(wall, zone.GetUtcOffset(wall));
            if (candidate > now)
            {
                return candidate;
            }
        }
    }

    public static string FileName(DateTimeOffset localTime, string extension) =>
        $"jishi-{localTime.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.{extension}";

    public static bool IsBackupName(string name) => NamePattern().IsMatch(name);

    /// <summary>The local time written in a backup's name.</summary>
    public static DateTime? TakenAt(string name) => NamePattern().Match(name) is { Success: true } m
        && DateTime.TryParseExact(m.Groups["at"].Value, "yyyyMMdd-HHmm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;

    /// <summary>The backups among <paramref name="names"/> beyond the newest <paramref name="keep"/>, oldest last;
    /// a <paramref name="keep"/> below 1 keeps all. Names of any other form are never chosen.</summary>
    public static IReadOnlyList<string> ToDelete(IEnumerable<string> names, int keep) => keep < 1 ? [] :
        names.Where(n => TakenAt(n) is not null).OrderByDescending(n => TakenAt(n)).ThenByDescending(n => n, StringComparer.Ordinal)
            .Skip(keep).ToList();

    [GeneratedRegex(@"^jishi-(?<at>\d{8}-\d{4})\.(db|dump)$")]
    private static partial Regex NamePattern();
}
