using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Meetings;

public sealed record AttendanceInput(int MemberId, AttendanceStatus? Status);

public sealed record MeetingRequest(int? UnitId, MeetingType? Type, DateOnly? Date, string? Topic, IReadOnlyList<AttendanceInput>? Attendance);

public sealed record AttendanceRequest(IReadOnlyList<AttendanceInput>? Attendance);

/// <summary>What a save did: <paramref name="Created"/> is false when the meeting existed (same unit, type and date) and was
/// corrected; <paramref name="Posted"/> counts the new ledger entries, <paramref name="Withdrawn"/> the reversed or rejected ones.</summary>
public sealed record MeetingSaved(int MeetingId, bool Created, int Posted, int Withdrawn, IReadOnlyList<MeetingEntryPosted> Entries,
    IReadOnlyList<SkippedMember> Skipped);

/// <summary>Records a meeting with its attendance, or corrects the attendance of one, and posts the difference to the
/// ledger (<see cref="MeetingPosting"/>). Saves of one unit's meetings queue in this process, so a double click or ten
/// identical requests run one after the other and the later ones find the first meeting; across processes the unique
/// indexes (meeting per unit, type and day; ledger source keys) keep one of each.</summary>
public sealed class RecordMeeting(JishiDbContext db, CurrentUser user, TimeProvider clock, MeetingPosting posting,
    [FromKeyedServices(RecordMeeting.GateKey)] WriteGate gate)
{
    public const string GateKey = "meetings";

    public async Task<Result<MeetingSaved>> RecordAsync(MeetingRequest request, CancellationToken ct)
    {
        if (request.UnitId is not { } unitId || await db.FindVisibleUnitAsync(user, unitId, ct) is not { } unit)
        {
            return Error.NotFound("Entity.Unit");
        }
        var problems = new List<FieldProblem>();
        if (unit.Kind == UnitKind.Street)
        {
            problems.Add(new("unitId", "Meetings.UnitKind"));
        }
        if (request.Type is null || !Enum.IsDefined(request.Type.Value))
        {
            problems.Add(new("type", "Meetings.TypeRequired"));
        }
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (request.Date is not { } date || date > today || date.Year < 2000)
        {
            problems.Add(new("date", "Meetings.DateRange"));
        }
        var topic = request.Topic?.Trim();
        if (string.IsNullOrEmpty(topic))
        {
            problems.Add(new("topic", "Meetings.TopicRequired"));
        }
        else if (topic.Length > Meeting.MaxTopic)
        {
            problems.Add(new("topic", "Text.TooLong", Meeting.MaxTopic));
        }
        var attendance = await CheckAttendanceAsync(request.Attendance, unit.Path, [], problems, ct);
        if (attendance.Error is { } error)
        {
            return error;
        }
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        using var turn = await gate.EnterAsync(unit.Id, ct);
        var existing = await FindAsync(unit.Id, request.Type!.Value, request.Date!.Value, ct);
        var meeting = existing ?? new Meeting(unit.Id, request.Type!.Value, request.Date!.Value, topic!, user.UserName ?? "system", clock.GetUtcNow().UtcDateTime);
        meeting.SetAttendance(topic!, attendance.Value!);
        if (existing is null)
        {
            db.Meetings.Add(meeting);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (existing is null && UniqueViolation.Is(e))
        {
            // Another server saved the same meeting in the same instant: this save corrects it.
            db.ChangeTracker.Clear();
            meeting = await FindAsync(unit.Id, request.Type!.Value, request.Date!.Value, ct) ?? throw new InvalidOperationException("The meeting vanished.", e);
            meeting.SetAttendance(topic!, attendance.Value!);
            await db.SaveChangesAsync(ct);
            existing = meeting;
        }
        return await PostAsync(meeting.Id, existing is null, ct);
    }

    /// <summary>Replaces the attendance of a meeting the caller may see and posts the difference: a member changed from
    /// 出席 to 缺席 gets the award reversed and the deduction posted.</summary>
    public async Task<Result<MeetingSaved>> CorrectAsync(int id, AttendanceRequest request, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        if (await db.Meetings.VisibleTo(scope, m => m.Unit!.Path).Where(m => m.Id == id).Select(m => new { m.UnitId, m.Unit!.Path }).FirstOrDefaultAsync(ct) is not { } found)
        {
            return Error.NotFound("Meetings.Entity");
        }
        var listed = await db.MeetingAttendance.Where(a => a.MeetingId == id).Select(a => a.MemberId).ToListAsync(ct);
        var problems = new List<FieldProblem>();
        var attendance = await CheckAttendanceAsync(request.Attendance, found.Path, listed.ToHashSet(), problems, ct);
        if (attendance.Error is { } error)
        {
            return error;
        }
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        using var turn = await gate.EnterAsync(found.UnitId, ct);
        var meeting = await db.Meetings.Include(m => m.Attendance).FirstAsync(m => m.Id == id, ct);
        meeting.SetAttendance(meeting.Topic, attendance.Value!);
        await db.SaveChangesAsync(ct);
        return await PostAsync(id, false, ct);
    }

    private async Task<MeetingSaved> PostAsync(int meetingId, bool created, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var outcome = await posting.ApplyAsync(meetingId, ct);
        return new MeetingSaved(meetingId, created, outcome.Posted.Count, outcome.Withdrawn, outcome.Posted, outcome.Skipped);
    }

    private Task<Meeting?> FindAsync(int unitId, MeetingType type, DateOnly date, CancellationToken ct) =>
        db.Meetings.Include(m => m.Attendance).FirstOrDefaultAsync(m => m.UnitId == unitId && m.Type == type && m.Date == date, ct);

    /// <summary>The statuses by member: each listed once, with a status, an active member of the unit's subtree (or already
    /// on the meeting, for a correction after a transfer). A member outside the caller's subtree is answered 404.</summary>
    private async Task<Result<Dictionary<int, AttendanceStatus>>> CheckAttendanceAsync(IReadOnlyList<AttendanceInput>? rows, string unitPath,
        HashSet<int> alreadyListed, List<FieldProblem> problems, CancellationToken ct)
    {
        var statuses = new Dictionary<int, AttendanceStatus>();
        if (rows is null || rows.Count == 0)
        {
            problems.Add(new("attendance", "Meetings.AttendanceRequired"));
            return statuses;
        }
        var ids = rows.Select(r => r.MemberId).Distinct().ToList();
        var scope = await user.ScopePathAsync(ct);
        var members = await db.Members.AsNoTracking().Within(scope).Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.Name, m.Status, m.Unit!.Path }).ToDictionaryAsync(m => m.Id, ct);
        if (ids.Any(id => !members.ContainsKey(id)))
        {
            return Error.NotFound("Entity.Member");
        }
        for (var i = 0; i < rows.Count; i++)
        {
            var (memberId, status) = (rows[i].MemberId, rows[i].Status);
            var member = members[memberId];
            if (status is null || !Enum.IsDefined(status.Value))
            {
                problems.Add(new($"attendance[{i}].status", "Meetings.StatusRequired", member.Name));
            }
            else if (!statuses.TryAdd(memberId, status.Value))
            {
                problems.Add(new($"attendance[{i}].memberId", "Meetings.MemberTwice", member.Name));
            }
            if (!alreadyListed.Contains(memberId) && (member.Status != MemberStatus.Active || !UnitScope.Sees(unitPath, member.Path)))
            {
                problems.Add(new($"attendance[{i}].memberId", "Meetings.MemberNotInUnit", member.Name));
            }
        }
        return statuses;
    }
}
