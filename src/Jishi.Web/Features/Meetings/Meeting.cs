using Jishi.Web.Features.Organizations;

namespace Jishi.Web.Features.Meetings;

/// <summary>The kinds of 三会一课 meeting; each awards by the rule of the same name (<see cref="AttendancePlan.AwardCode"/>).</summary>
public enum MeetingType
{
    GeneralMeeting = 0,
    CommitteeMeeting = 1,
    GroupMeeting = 2,
    ThemeDay = 3,
    PartyLecture = 4,
    LifeMeeting = 5,
}

public enum AttendanceStatus
{
    Present = 0,

    /// <summary>迟到早退: attended, so awarded, and deducted for coming late or leaving early.</summary>
    Late = 1,

    /// <summary>请假: neither awarded nor deducted.</summary>
    Excused = 2,

    /// <summary>无故缺席: deducted.</summary>
    Absent = 3,
}

/// <summary>One meeting of a community, branch or party group. A unit holds at most one meeting of a type on a date, so
/// saving the same meeting again (a second click, a re-import) corrects it instead of recording it twice.</summary>
public sealed class Meeting
{
    public const int MaxTopic = 200;

    private Meeting() { }

    public Meeting(int unitId, MeetingType type, DateOnly date, string topic, string recordedBy, DateTime at)
    {
        UnitId = unitId;
        Type = type;
        Date = date;
        Topic = topic;
        RecordedBy = recordedBy;
        RecordedAt = at;
    }

    public int Id { get; private set; }
    public int UnitId { get; private set; }
    public Unit? Unit { get; private set; }
    public MeetingType Type { get; private set; }
    public DateOnly Date { get; private set; }
    public string Topic { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }
    public List<MeetingAttendance> Attendance { get; private set; } = [];

    /// <summary>Replaces the attendance as a whole: members not listed are no longer expected at the meeting.</summary>
    public void SetAttendance(string topic, IReadOnlyDictionary<int, AttendanceStatus> statuses)
    {
        Topic = topic;
        Attendance.RemoveAll(a => !statuses.ContainsKey(a.MemberId));
        foreach (var (memberId, status) in statuses)
        {
            if (Attendance.Find(a => a.MemberId == memberId) is { } row)
            {
                row.Status = status;
            }
            else
            {
                Attendance.Add(new MeetingAttendance(memberId, status));
            }
        }
    }
}

/// <summary>Whether one member came to a meeting.</summary>
public sealed class MeetingAttendance(int memberId, AttendanceStatus status)
{
    public int Id { get; private set; }
    public int MeetingId { get; private set; }
    public int MemberId { get; private set; } = memberId;
    public AttendanceStatus Status { get; set; } = status;
}
