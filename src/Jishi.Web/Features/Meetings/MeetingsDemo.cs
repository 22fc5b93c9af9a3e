using Jishi.Web.Data;
using Jishi.Web.Features.Audit;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Meetings;

/// <summary>April 2016's 三会一课 of the first branch of the first two communities, recorded by their community secretaries
/// through <see cref="RecordMeeting"/>, the same path as the API, so the demo's ledger holds meeting entries with their
/// source keys. Runs inside the demo's one transaction after the points demo (which creates the 2016 rule sets), so the
/// ledger stores the awards in it (<see cref="AwardsInTransaction"/>) rather than by group commit.</summary>
public sealed class MeetingsDemo(JishiDbContext db, CurrentUser user, AuditActor audit, IServiceProvider services, DemoCalendar demo)
{
    private static readonly (MeetingType Type, int Day, string Topic, int Committee)[] Plan =
    [
        (MeetingType.CommitteeMeeting, 5, "研究四月份主题党日安排和发展党员工作", 5),
        (MeetingType.ThemeDay, 8, "学习《中国共产党廉洁自律准则》，开展社区环境整治志愿服务", 0),
        (MeetingType.PartyLecture, 22, "书记讲党课：做合格党员，当群众贴心人", 0),
    ];

    public async Task LoadAsync(CancellationToken ct)
    {
        var communities = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Community).OrderBy(u => u.SortOrder).ThenBy(u => u.Id)
            .Select(u => u.Id).Take(2).ToListAsync(ct);
        var random = new Random(416);
        var ledger = ActivatorUtilities.CreateInstance<PointsLedger>(services, new AwardsInTransaction(db, audit));
        var record = ActivatorUtilities.CreateInstance<RecordMeeting>(services, ActivatorUtilities.CreateInstance<MeetingPosting>(services, ledger));
        for (var i = 0; i < communities.Count; i++)
        {
            // The community secretary (sq01, sq02) records for the branch.
            using var secretary = user.ActAs($"sq{i + 1:00}", communities[i]);
            var branch = await db.Units.AsNoTracking().Where(u => u.ParentId == communities[i] && u.Kind == UnitKind.Branch).OrderBy(u => u.SortOrder).ThenBy(u => u.Id)
                .Select(u => new { u.Id, u.Path }).FirstAsync(ct);
            var members = await db.Members.AsNoTracking().Within(branch.Path).Where(m => m.Status == MemberStatus.Active)
                .OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(ct);
            foreach (var (type, day, topic, committee) in Plan)
            {
                var attending = committee > 0 ? members.Take(committee) : members;
                var attendance = attending.Select(id => new AttendanceInput(id, random.Next(100) switch
                {
                    < 82 => AttendanceStatus.Present,
                    < 88 => AttendanceStatus.Late,
                    < 95 => AttendanceStatus.Excused,
                    _ => AttendanceStatus.Absent,
                })).ToList();
                var saved = await record.RecordAsync(new MeetingRequest(branch.Id, type, demo.Date(2016, 4, day), topic, attendance), ct);
                if (saved.Error is { } error)
                {
                    throw new InvalidOperationException($"The demo meeting was refused: {error.Code}");
                }
            }
        }
    }
}
