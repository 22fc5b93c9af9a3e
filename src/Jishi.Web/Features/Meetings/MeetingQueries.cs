using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Meetings;

public sealed record MeetingRow(int Id, int UnitId, string UnitName, MeetingType Type, DateOnly Date, string Topic, string RecordedBy,
    int Present, int Late, int Excused, int Absent);

public sealed record AttendanceRow(int MemberId, string Name, string UnitName, AttendanceStatus Status);

public sealed record MeetingEntryRow(long Id, int MemberId, string RuleCode, decimal Points, EntryStatus Status, long? ReversalOf, bool Reversed);

public sealed record MeetingDetail(int Id, int UnitId, string UnitName, MeetingType Type, DateOnly Date, string Topic, string RecordedBy,
    DateTime RecordedAt, IReadOnlyList<AttendanceRow> Attendance, IReadOnlyList<MeetingEntryRow> Entries);

/// <summary>An active member a meeting of the unit expects, with the last four characters of the ID number to tell
/// namesakes apart on the attendance sheet.</summary>
public sealed record ExpectedMember(int Id, string Name, string UnitName, string? IdNumberTail);

public sealed class MeetingQueries(JishiDbContext db, CurrentUser user)
{
    public sealed record ListRequest(int? UnitId = null, int? Year = null, MeetingType? Type = null, int? Page = null, int? PageSize = null);

    public async Task<Result<Page<MeetingRow>>> ListAsync(ListRequest r, CancellationToken ct)
    {
        if (await ScopeOfAsync(r.UnitId, ct) is not { } path)
        {
            return Error.NotFound("Entity.Unit");
        }
        var query = db.Meetings.AsNoTracking().VisibleTo(path, m => m.Unit!.Path);
        if (r.Year is { } year)
        {
            query = query.Where(m => m.Date >= new DateOnly(year, 1, 1) && m.Date <= new DateOnly(year, 12, 31));
        }
        if (r.Type is { } type)
        {
            query = query.Where(m => m.Type == type);
        }
        return await query.OrderByDescending(m => m.Date).ThenByDescending(m => m.Id)
            .Select(m => new MeetingRow(m.Id, m.UnitId, m.Unit!.Name, m.Type, m.Date, m.Topic, m.RecordedBy,
                m.Attendance.Count(a => a.Status == AttendanceStatus.Present), m.Attendance.Count(a => a.Status == AttendanceStatus.Late),
                m.Attendance.Count(a => a.Status == AttendanceStatus.Excused), m.Attendance.Count(a => a.Status == AttendanceStatus.Absent)))
            .ToPageAsync(r.Page, r.PageSize, ct);
    }

    public async Task<Result<MeetingDetail>> GetAsync(int id, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        var meeting = await db.Meetings.AsNoTracking().VisibleTo(scope, m => m.Unit!.Path).Where(m => m.Id == id)
            .Select(m => new { m.Id, m.UnitId, m.Unit!.Name, m.Type, m.Date, m.Topic, m.RecordedBy, m.RecordedAt }).FirstOrDefaultAsync(ct);
        if (meeting is null)
        {
            return Error.NotFound("Meetings.Entity");
        }
        var attendance = await (from a in db.MeetingAttendance.AsNoTracking()
                                join m in db.Members on a.MemberId equals m.Id
                                where a.MeetingId == id
                                orderby m.Unit!.Path, m.Id
                                select new AttendanceRow(m.Id, m.Name, m.Unit!.Name, a.Status)).ToListAsync(ct);
        var prefix = AttendancePlan.KeyPrefix(id);
        var entries = await db.LedgerEntries.AsNoTracking()
            .Where(e => (e.SourceKey != null && e.SourceKey.StartsWith(prefix))
                || db.LedgerEntries.Any(o => o.Id == e.ReversalOf && o.SourceKey != null && o.SourceKey.StartsWith(prefix)))
            .OrderBy(e => e.Id)
            .Select(e => new MeetingEntryRow(e.Id, e.MemberId, e.RuleCode, e.Granted, e.Status, e.ReversalOf, db.LedgerEntries.Any(r => r.ReversalOf == e.Id)))
            .ToListAsync(ct);
        return new MeetingDetail(meeting.Id, meeting.UnitId, meeting.Name, meeting.Type, meeting.Date, meeting.Topic, meeting.RecordedBy,
            meeting.RecordedAt, attendance, entries);
    }

    /// <summary>The active members of the unit's subtree, in the order of the tree.</summary>
    public async Task<Result<IReadOnlyList<ExpectedMember>>> ExpectedAsync(int? unitId, CancellationToken ct)
    {
        if (unitId is not { } id || await db.FindVisibleUnitAsync(user, id, ct) is not { } unit)
        {
            return Error.NotFound("Entity.Unit");
        }
        var rows = await db.Members.AsNoTracking().Within(unit.Path).Where(m => m.Status == MemberStatus.Active)
            .OrderBy(m => m.Unit!.Path).ThenBy(m => m.Id).Select(m => new { m.Id, m.Name, Unit = m.Unit!.Name, m.IdNumber }).ToListAsync(ct);
        return rows.Select(m => new ExpectedMember(m.Id, m.Name, m.Unit, m.IdNumber is { Length: >= 4 } n ? n[^4..] : null)).ToList();
    }

    /// <summary>The path of <paramref name="unitId"/> when visible, or the caller's whole subtree without one.</summary>
    private async Task<string?> ScopeOfAsync(int? unitId, CancellationToken ct) => unitId is { } id
        ? (await db.FindVisibleUnitAsync(user, id, ct))?.Path
        : await user.ScopePathAsync(ct);
}
