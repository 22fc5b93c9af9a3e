using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Points.Postings;

/// <summary>季度积分公示 as read: the postings of the caller's subtree, one with its members' scores and objections, and
/// the public notice's view of it.</summary>
public sealed class PostingQueries(JishiDbContext db, CurrentUser user, TimeProvider clock)
{
    public sealed record ListRequest(int? UnitId = null, int? Year = null);

    public async Task<Result<IReadOnlyList<PostingSummary>>> ListAsync(ListRequest request, CancellationToken ct)
    {
        if (await db.ScopeOfAsync(user, request.UnitId, ct) is not { } scope)
        {
            return Error.NotFound("Entity.Unit");
        }
        var query = db.Postings.Where(p => db.Units.Within(scope).Any(u => u.Id == p.UnitId));
        if (request.Year is { } year)
        {
            query = query.Where(p => p.Year == year);
        }
        return await SummariesAsync(query, ct);
    }

    public async Task<Result<PostingDetail>> GetAsync(int id, CancellationToken ct) =>
        await FindAsync(id, ct) is null ? Error.NotFound("Entity.Posting") : (await DetailAsync(id, ct))!;

    /// <summary>The posting as the public notice shows it (names, scores, entries and dates), for the light page; null
    /// when
    /// there is none.</summary>
    public async Task<PostingDetail?> DetailAsync(int id, CancellationToken ct)
    {
        if (await SummaryAsync(id, ct) is not { } posting)
        {
            return null;
        }
        var path = await db.Units.Where(u => u.Id == posting.UnitId).Select(u => u.Path).FirstAsync(ct);
        var (from, to) = Posting.QuarterOf(posting.Year, posting.Quarter);
        var entries = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.Status == EntryStatus.Approved && e.OccurredOn >= from && e.OccurredOn <= to
                && db.Members.Within(path).Any(m => m.Id == e.MemberId))
            .OrderBy(e => e.OccurredOn).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.MemberId,
                Entry = new PostedEntry(e.Id,
                    db.PointRules.Where(r => r.RuleSetId == e.RuleSetId && r.Code == e.RuleCode).Select(r => r.Name)
                        .FirstOrDefault() ?? e.RuleCode,
                    e.OccurredOn, e.Granted, e.ReversalOf, db.LedgerEntries.Any(r => r.ReversalOf == e.Id), e.IsVeto),
            })
            .ToListAsync(ct);
        var byMember = entries.ToLookup(e => e.MemberId, e => e.Entry);
        var members = await db.Members.AsNoTracking().Within(path)
            .Where(m => (m.Status == MemberStatus.Active || db.LedgerEntries.Any(e => e.MemberId == m.Id
                && e.Status == EntryStatus.Approved && e.OccurredOn >= from && e.OccurredOn <= to)))
            .OrderBy(m => m.Unit!.Path).ThenBy(m => m.Id).Select(m => new { m.Id, m.Name, UnitName = m.Unit!.Name })
            .ToListAsync(ct);
        var posted = members.Select(m => new PostedMember(m.Id, m.Name, m.UnitName, byMember[m.Id].Sum(e => e.Points),
            byMember[m.Id].ToList())).ToList();
        var objections = await Dtos(db.Objections.Where(o => o.PostingId == id).OrderBy(o => o.Id)).ToListAsync(ct);
        return new PostingDetail(posting, posted, objections);
    }

    /// <summary>The posting when its unit is in the caller's subtree.</summary>
    public async Task<Posting?> FindAsync(int id, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        return await db.Postings.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == id && db.Units.Within(scope).Any(u => u.Id == p.UnitId), ct);
    }

    public async Task<PostingSummary?> SummaryAsync(int id, CancellationToken ct) =>
        (await SummariesAsync(db.Postings.Where(p => p.Id == id), ct)).FirstOrDefault();

    public Task<ObjectionDto> ObjectionAsync(int id, CancellationToken ct) =>
        Dtos(db.Objections.Where(o => o.Id == id)).FirstAsync(ct);

    private async Task<List<PostingSummary>> SummariesAsync(IQueryable<Posting> postings, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return await postings.AsNoTracking()
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Quarter).ThenByDescending(p => p.Id)
            .Select(p => new PostingSummary(p.Id, p.UnitId,
                db.Units.Where(u => u.Id == p.UnitId).Select(u => u.Name).First(),
                p.Year, p.Quarter, p.OpensOn, p.ClosesOn, p.OpensOn <= today && p.ClosesOn >= today,
                db.Objections.Count(o => o.PostingId == p.Id),
                db.Objections.Count(o => o.PostingId == p.Id && o.Status == ObjectionStatus.Open)))
            .ToListAsync(ct);
    }

    private IQueryable<ObjectionDto> Dtos(IQueryable<Objection> objections) =>
        objections.AsNoTracking().Join(db.LedgerEntries, o => o.EntryId, e => e.Id, (o, e) => new ObjectionDto(o.Id,
            o.PostingId, o.EntryId, db.Members.Where(m => m.Id == e.MemberId).Select(m => m.Name).First(),
            db.PointRules.Where(r => r.RuleSetId == e.RuleSetId
                && r.Code == e.RuleCode).Select(r => r.Name).FirstOrDefault()
                ?? e.RuleCode,
            e.Granted, o.Reason, o.RecordedBy, o.RecordedAt, o.Status, o.Resolution, o.ResolvedBy, o.ResolvedAt,
            o.ReversalEntryId));
}
