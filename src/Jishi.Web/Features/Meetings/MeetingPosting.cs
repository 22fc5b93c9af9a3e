using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Points;
using Jishi.Web.Features.Points.Pages;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Meetings;

public sealed record MeetingEntryPosted(long EntryId, int MemberId, string MemberName, string RuleCode, decimal Points, EntryStatus Status, bool CapCut);

/// <summary>A member whose attendance posted nothing, and why (the tier's rules have no such item, the ledger refused).</summary>
public sealed record SkippedMember(int MemberId, string Name, string Reason);

public sealed record PostingOutcome(IReadOnlyList<MeetingEntryPosted> Posted, int Withdrawn, IReadOnlyList<SkippedMember> Skipped);

/// <summary>Brings the ledger to a meeting's stored attendance through the one posting path (<see cref="PointsLedger"/>):
/// reverses (or rejects, while pending) the entries nobody wants any more, then awards what is missing under the
/// meeting's source keys. Reads the attendance from the database each time, so running it again, or concurrently, ends
/// at the same ledger: the keys are unique, an entry is reversed at most once.</summary>
public sealed class MeetingPosting(JishiDbContext db, PointsLedger ledger, RuleSetLookup rules, IStringLocalizer<SharedResource> text)
{
    public async Task<PostingOutcome> ApplyAsync(int meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => new { m.Type, m.Date, m.Topic }).FirstAsync(ct);
        var attendance = await db.MeetingAttendance.AsNoTracking().Where(a => a.MeetingId == meetingId)
            .ToDictionaryAsync(a => a.MemberId, a => a.Status, ct);
        var changes = AttendancePlan.Compare(meetingId, attendance, await PostedAsync(meetingId, ct));
        var typeName = text["Meetings.Type." + meeting.Type].Value;

        var withdrawn = 0;
        var reason = new PointsLedger.ReasonRequest(text["Meetings.CorrectionReason", typeName, meeting.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)].Value);
        foreach (var entry in changes.Withdraw)
        {
            var result = entry.Pending ? await ledger.RejectAsync(entry.Id, reason, ct) : await ledger.ReverseAsync(entry.Id, reason, ct);
            // A conflict means a concurrent save withdrew it first.
            withdrawn += result.IsSuccess ? 1 : 0;
        }

        var ids = changes.Post.Select(p => p.MemberId).Distinct().ToList();
        var members = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.Name, m.Tier, m.Unit!.Path }).ToDictionaryAsync(m => m.Id, ct);
        var sets = new Dictionary<(int, string), RuleSet>();
        var posted = new List<MeetingEntryPosted>();
        var skipped = new List<SkippedMember>();
        var note = $"{typeName}：{meeting.Topic}";
        foreach (var item in changes.Post)
        {
            var member = members[item.MemberId];
            var code = AttendancePlan.RuleCode(meeting.Type, item.Kind);
            var street = Unit.StreetOf(member.Path);
            if (!sets.TryGetValue((street, member.Tier), out var set))
            {
                sets[(street, member.Tier)] = set = await rules.CurrentAsync(street, member.Tier, meeting.Date.Year, ct);
            }
            if (set.Rule(code) is null)
            {
                var what = item.Kind == AttendancePlan.Kind.Attend ? typeName : text["Meetings.Status." + (item.Kind == AttendancePlan.Kind.Late ? "Late" : "Absent")].Value;
                skipped.Add(new(member.Id, member.Name, text["Meetings.NoRule", member.Tier, what].Value));
                continue;
            }
            var result = await ledger.AwardAsync(new PointsLedger.AwardRequest(member.Id, code, 1, meeting.Date, note, item.SourceKey), ct);
            if (result.Error is { } error)
            {
                skipped.Add(new(member.Id, member.Name, text.Describe(error)));
            }
            else if (result.Value!.Created)
            {
                var e = result.Value.Entry;
                posted.Add(new(e.Id, member.Id, member.Name, code, e.Points, e.Status, e.CapCut));
            }
        }
        return new PostingOutcome(posted, withdrawn, skipped);
    }

    /// <summary>The meeting's entries in the ledger, found by their source keys (a reversal carries no key of its own).</summary>
    private async Task<List<AttendancePlan.Posted>> PostedAsync(int meetingId, CancellationToken ct)
    {
        var prefix = AttendancePlan.KeyPrefix(meetingId);
        var rows = await db.LedgerEntries.AsNoTracking().Where(e => e.SourceKey != null && e.SourceKey.StartsWith(prefix))
            .Select(e => new { e.Id, e.SourceKey, e.Status, Reversed = db.LedgerEntries.Any(r => r.ReversalOf == e.Id) }).ToListAsync(ct);
        return rows.Select(r => (Row: r, Key: AttendancePlan.Parse(meetingId, r.SourceKey)))
            .Where(x => x.Key is not null)
            .Select(x => new AttendancePlan.Posted(x.Row.Id, x.Key!.Value.MemberId, x.Key.Value.Kind, x.Key.Value.Generation,
                x.Row.Status != EntryStatus.Rejected && !x.Row.Reversed, x.Row.Status == EntryStatus.Pending))
            .ToList();
    }
}
