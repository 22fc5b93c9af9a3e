using Jishi.Web.Features.Points;

namespace Jishi.Web.Features.Meetings;

/// <summary>What a meeting's attendance posts to the ledger, and what a correction changes. Pure, so it is tested without a
/// database: the ledger's unique source keys make posting it idempotent.</summary>
public static class AttendancePlan
{
    /// <summary>The ledger entries one member's attendance stands for: the award, the absence deduction, the late deduction.</summary>
    public enum Kind
    {
        Attend,
        Absent,
        Late,
    }

    /// <summary>An entry of the meeting already in the ledger; <paramref name="Live"/> when it still counts (neither
    /// rejected nor reversed) and <paramref name="Pending"/> while it waits for approval.</summary>
    public sealed record Posted(long Id, int MemberId, Kind Kind, int Generation, bool Live, bool Pending);

    public sealed record ToPost(int MemberId, Kind Kind, string SourceKey);

    /// <summary>What brings the ledger to the attendance: live entries to withdraw (reverse, or reject while pending) and
    /// entries to post, in that order.</summary>
    public sealed record Changes(IReadOnlyList<Posted> Withdraw, IReadOnlyList<ToPost> Post);

    public static string AwardCode(MeetingType type) => type switch
    {
        MeetingType.GeneralMeeting => RuleCodes.GeneralMeeting,
        MeetingType.CommitteeMeeting => RuleCodes.CommitteeMeeting,
        MeetingType.GroupMeeting => RuleCodes.GroupMeeting,
        MeetingType.ThemeDay => RuleCodes.ThemeDay,
        MeetingType.PartyLecture => RuleCodes.PartyLecture,
        MeetingType.LifeMeeting => RuleCodes.LifeMeeting,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string RuleCode(MeetingType type, Kind kind) => kind switch
    {
        Kind.Attend => AwardCode(type),
        Kind.Absent => RuleCodes.Absence,
        _ => RuleCodes.LateOrEarly,
    };

    public static IReadOnlyList<Kind> KindsOf(AttendanceStatus status) => status switch
    {
        AttendanceStatus.Present => [Kind.Attend],
        AttendanceStatus.Late => [Kind.Attend, Kind.Late],
        AttendanceStatus.Absent => [Kind.Absent],
        _ => [],
    };

    public static string KeyPrefix(int meetingId) => $"meeting:{meetingId}:";

    /// <summary>meeting:{meeting}:{member}:{kind}. A kind withdrawn and wanted again (出席 → 缺席 → 出席) cannot reuse the key
    /// of the withdrawn entry, so later generations append ":2", ":3".</summary>
    public static string Key(int meetingId, int memberId, Kind kind, int generation) =>
        $"{KeyPrefix(meetingId)}{memberId}:{kind.ToString().ToLowerInvariant()}" + (generation > 1 ? $":{generation}" : "");

    /// <summary>Reads a key of <paramref name="meetingId"/> back; null for any other key.</summary>
    public static (int MemberId, Kind Kind, int Generation)? Parse(int meetingId, string? key)
    {
        if (key is null || !key.StartsWith(KeyPrefix(meetingId), StringComparison.Ordinal))
        {
            return null;
        }
        var parts = key[KeyPrefix(meetingId).Length..].Split(':');
        return parts.Length is 2 or 3 && int.TryParse(parts[0], out var member) && Enum.TryParse<Kind>(parts[1], ignoreCase: true, out var kind)
            && (parts.Length == 2 || int.TryParse(parts[2], out _))
            ? (member, kind, parts.Length == 3 ? int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) : 1)
            : null;
    }

    /// <summary>Compares the wanted entries with the posted ones: a wanted kind with a live entry stays, one without gets
    /// the next generation's key; a live entry nobody wants any more is withdrawn. Run twice on the same state, the second
    /// run changes nothing; run concurrently, both runs name the same keys, so the ledger keeps one of each.</summary>
    public static Changes Compare(int meetingId, IReadOnlyDictionary<int, AttendanceStatus> attendance, IReadOnlyList<Posted> posted)
    {
        var wanted = attendance.SelectMany(a => KindsOf(a.Value).Select(k => (Member: a.Key, Kind: k))).ToHashSet();
        var withdraw = posted.Where(p => p.Live && !wanted.Contains((p.MemberId, p.Kind))).ToList();
        var post = wanted.Where(w => !posted.Any(p => p.Live && p.MemberId == w.Member && p.Kind == w.Kind))
            .OrderBy(w => w.Member).ThenBy(w => w.Kind)
            .Select(w => new ToPost(w.Member, w.Kind, Key(meetingId, w.Member, w.Kind,
                1 + posted.Where(p => p.MemberId == w.Member && p.Kind == w.Kind).Select(p => p.Generation).DefaultIfEmpty(0).Max())))
            .ToList();
        return new Changes(withdraw, post);
    }
}
