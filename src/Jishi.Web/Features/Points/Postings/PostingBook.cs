using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Points.Postings;

public sealed record PostingSummary(int Id, int UnitId, string UnitName, int Year, int Quarter, DateOnly OpensOn, DateOnly ClosesOn,
    bool IsOpen, int Objections, int OpenObjections);

public sealed record PostedEntry(long Id, string RuleName, DateOnly OccurredOn, decimal Points, long? ReversalOf, bool Reversed);

public sealed record PostedMember(int MemberId, string Name, string UnitName, decimal Score, IReadOnlyList<PostedEntry> Entries);

public sealed record ObjectionDto(int Id, int PostingId, long EntryId, string MemberName, string RuleName, decimal Points, string Reason,
    string RecordedBy, DateTime RecordedAt, ObjectionStatus Status, string? Resolution, string? ResolvedBy, DateTime? ResolvedAt,
    long? ReversalEntryId);

/// <summary>A 公示 with every member's score of the quarter (the approved entries dated in it, reversals included) and the
/// objections so far. Read live from the ledger, so a reversal shows at once.</summary>
public sealed record PostingDetail(PostingSummary Posting, IReadOnlyList<PostedMember> Members, IReadOnlyList<ObjectionDto> Objections);

/// <summary>季度积分公示: a unit's quarter opened to objection for a window of days; objections are recorded by staff on
/// the member's behalf and resolved by the ledger's reversal or by rejection with a reason.</summary>
public sealed class PostingBook(JishiDbContext db, CurrentUser user, TimeProvider clock, PointsLedger ledger)
{
    /// <summary><paramref name="OpensOn"/> defaults to today; an earlier date records a 公示 already posted on paper.</summary>
    public sealed record OpenRequest(int UnitId, int? Year, int? Quarter, int? Days, DateOnly? OpensOn = null);

    public sealed record ListRequest(int? UnitId = null, int? Year = null);

    public sealed record ObjectionRequest(long EntryId, string? Reason);

    public sealed record ResolveRequest(string? Action, string? Reason);

    public const string Reverse = "reverse";
    public const string Reject = "reject";

    public async Task<Result<PostingSummary>> OpenAsync(OpenRequest request, CancellationToken ct)
    {
        if (await db.FindVisibleUnitAsync(user, request.UnitId, ct) is null)
        {
            return Error.NotFound("Entity.Unit");
        }
        var today = Today();
        var problems = new List<FieldProblem>();
        var year = request.Year ?? today.Year;
        if (year < 2000 || year > today.Year)
        {
            problems.Add(new("year", "Postings.YearRange"));
        }
        if (request.Quarter is not (>= 1 and <= 4))
        {
            problems.Add(new("quarter", "Postings.QuarterRange"));
        }
        var days = request.Days ?? Posting.DefaultDays;
        if (days is < 1 or > Posting.MaxDays)
        {
            problems.Add(new("days", "Postings.DaysRange", Posting.MaxDays));
        }
        var opensOn = request.OpensOn ?? today;
        if (opensOn > today.AddDays(Posting.MaxDays) || opensOn.Year < 2000)
        {
            problems.Add(new("opensOn", "Postings.OpensOnRange", Posting.MaxDays));
        }
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        var posting = new Posting(request.UnitId, year, request.Quarter!.Value, opensOn, days, By, Now);
        db.Postings.Add(posting);
        await db.SaveChangesAsync(ct);
        return (await SummariesAsync(db.Postings.Where(p => p.Id == posting.Id), ct))[0];
    }

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
        await VisibleAsync(id, ct) is null ? Error.NotFound("Entity.Posting") : (await DetailAsync(id, ct))!;

    /// <summary>The posting as the public notice shows it (names, scores, entries and dates), for the light page; null when
    /// there is none.</summary>
    public async Task<PostingDetail?> DetailAsync(int id, CancellationToken ct)
    {
        var summaries = await SummariesAsync(db.Postings.Where(p => p.Id == id), ct);
        if (summaries.Count == 0)
        {
            return null;
        }
        var posting = summaries[0];
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
                    db.PointRules.Where(r => r.RuleSetId == e.RuleSetId && r.Code == e.RuleCode).Select(r => r.Name).FirstOrDefault() ?? e.RuleCode,
                    e.OccurredOn, e.Granted, e.ReversalOf, db.LedgerEntries.Any(r => r.ReversalOf == e.Id)),
            })
            .ToListAsync(ct);
        var byMember = entries.ToLookup(e => e.MemberId, e => e.Entry);
        var members = await db.Members.AsNoTracking().Within(path)
            .Where(m => (m.Status == MemberStatus.Active || db.LedgerEntries.Any(e => e.MemberId == m.Id
                && e.Status == EntryStatus.Approved && e.OccurredOn >= from && e.OccurredOn <= to)))
            .OrderBy(m => m.Unit!.Path).ThenBy(m => m.Id).Select(m => new { m.Id, m.Name, UnitName = m.Unit!.Name }).ToListAsync(ct);
        var posted = members.Select(m => new PostedMember(m.Id, m.Name, m.UnitName, byMember[m.Id].Sum(e => e.Points), byMember[m.Id].ToList())).ToList();
        var objections = await Dtos(db.Objections.Where(o => o.PostingId == id).OrderBy(o => o.Id)).ToListAsync(ct);
        return new PostingDetail(posting, posted, objections);
    }

    /// <summary>Records an objection to an entry of the posting, on the window's days only (409 after it closes).</summary>
    public async Task<Result<ObjectionDto>> ObjectAsync(int postingId, ObjectionRequest request, CancellationToken ct)
    {
        if (await VisibleAsync(postingId, ct) is not { } posting)
        {
            return Error.NotFound("Entity.Posting");
        }
        var scope = await user.ScopePathAsync(ct);
        return await RecordAsync(posting, db.LedgerEntries.Where(e => db.Members.Within(scope).Any(m => m.Id == e.MemberId)),
            request, ct);
    }

    /// <summary>A member's own objection (我的积分): to an entry of theirs, in a 公示 of their unit or of a unit above it.</summary>
    public async Task<Result<ObjectionDto>> ObjectOwnAsync(int memberId, int postingId, ObjectionRequest request, CancellationToken ct)
    {
        var path = await db.Members.Where(m => m.Id == memberId).Select(m => m.Unit!.Path).FirstOrDefaultAsync(ct);
        var units = Unit.IdsOf(path ?? "");
        if (await db.Postings.AsNoTracking().FirstOrDefaultAsync(p => p.Id == postingId && units.Contains(p.UnitId), ct) is not { } posting)
        {
            return Error.NotFound("Entity.Posting");
        }
        // Staff record what members tell them; a member's own button is pressed once per entry until it is answered.
        if (await db.Objections.AnyAsync(o => o.PostingId == postingId && o.EntryId == request.EntryId && o.Status == ObjectionStatus.Open, ct))
        {
            return Error.Conflict("My.AlreadyObjected");
        }
        return await RecordAsync(posting, db.LedgerEntries.Where(e => e.MemberId == memberId), request, ct);
    }

    /// <summary>Records an objection to one of the <paramref name="reachable"/> entries, when the posting lists it.</summary>
    private async Task<Result<ObjectionDto>> RecordAsync(Posting posting, IQueryable<LedgerEntry> reachable, ObjectionRequest request, CancellationToken ct)
    {
        var unitPath = await db.Units.Where(u => u.Id == posting.UnitId).Select(u => u.Path).FirstAsync(ct);
        var entry = await reachable.AsNoTracking().Where(e => e.Id == request.EntryId)
            .Select(e => new { e.OccurredOn, e.Status, InUnit = db.Members.Within(unitPath).Any(m => m.Id == e.MemberId) })
            .FirstOrDefaultAsync(ct);
        if (entry is null)
        {
            return Error.NotFound("Entity.LedgerEntry");
        }
        if (!entry.InUnit || entry.Status != EntryStatus.Approved || !posting.Covers(entry.OccurredOn))
        {
            return new ValidationError([new("entryId", "Postings.EntryNotPosted")]);
        }
        if (ReasonProblem(request.Reason) is { } invalid)
        {
            return invalid;
        }
        if (!posting.IsOpenOn(Today()))
        {
            return Error.Conflict("Postings.WindowClosed", posting.OpensOn, posting.ClosesOn);
        }
        var objection = new Objection(posting.Id, request.EntryId, request.Reason!.Trim(), By, Now);
        db.Objections.Add(objection);
        await db.SaveChangesAsync(ct);
        return await ObjectionAsync(objection.Id, ct);
    }

    /// <summary>Upholds an objection by the ledger's reversal of the entry, or rejects it; either way with the reason, once.</summary>
    public async Task<Result<ObjectionDto>> ResolveAsync(int objectionId, ResolveRequest request, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        var objection = await db.Objections.FirstOrDefaultAsync(o => o.Id == objectionId
            && db.Postings.Any(p => p.Id == o.PostingId && db.Units.Within(scope).Any(u => u.Id == p.UnitId)), ct);
        if (objection is null)
        {
            return Error.NotFound("Entity.Objection");
        }
        var action = request.Action?.Trim().ToLowerInvariant();
        if (action is not (Reverse or Reject))
        {
            return new ValidationError([new("action", "Postings.ActionInvalid")]);
        }
        if (ReasonProblem(request.Reason) is { } invalid)
        {
            return invalid;
        }
        if (objection.Status != ObjectionStatus.Open)
        {
            return Error.Conflict("Postings.AlreadyResolved");
        }
        var reason = request.Reason!.Trim();
        long? reversal = null;
        if (action == Reverse)
        {
            var reversed = await ledger.ReverseAsync(objection.EntryId, new PointsLedger.ReasonRequest(reason), ct);
            if (!reversed.IsSuccess)
            {
                return reversed.Error!;
            }
            reversal = reversed.Value!.Id;
        }
        objection.Resolve(reversal is null ? ObjectionStatus.Rejected : ObjectionStatus.Reversed, reason, reversal, By, Now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("Postings.AlreadyResolved");
        }
        return await ObjectionAsync(objection.Id, ct);
    }

    private async Task<Posting?> VisibleAsync(int id, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        return await db.Postings.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && db.Units.Within(scope).Any(u => u.Id == p.UnitId), ct);
    }

    private async Task<List<PostingSummary>> SummariesAsync(IQueryable<Posting> postings, CancellationToken ct)
    {
        var today = Today();
        return await postings.AsNoTracking().OrderByDescending(p => p.Year).ThenByDescending(p => p.Quarter).ThenByDescending(p => p.Id)
            .Select(p => new PostingSummary(p.Id, p.UnitId, db.Units.Where(u => u.Id == p.UnitId).Select(u => u.Name).First(), p.Year, p.Quarter,
                p.OpensOn, p.ClosesOn, p.OpensOn <= today && p.ClosesOn >= today,
                db.Objections.Count(o => o.PostingId == p.Id), db.Objections.Count(o => o.PostingId == p.Id && o.Status == ObjectionStatus.Open)))
            .ToListAsync(ct);
    }

    private Task<ObjectionDto> ObjectionAsync(int id, CancellationToken ct) => Dtos(db.Objections.Where(o => o.Id == id)).FirstAsync(ct);

    private IQueryable<ObjectionDto> Dtos(IQueryable<Objection> objections) =>
        objections.AsNoTracking().Join(db.LedgerEntries, o => o.EntryId, e => e.Id, (o, e) => new ObjectionDto(o.Id, o.PostingId, o.EntryId,
            db.Members.Where(m => m.Id == e.MemberId).Select(m => m.Name).First(),
            db.PointRules.Where(r => r.RuleSetId == e.RuleSetId && r.Code == e.RuleCode).Select(r => r.Name).FirstOrDefault() ?? e.RuleCode,
            e.Granted, o.Reason, o.RecordedBy, o.RecordedAt, o.Status, o.Resolution, o.ResolvedBy, o.ResolvedAt, o.ReversalEntryId));

    private static ValidationError? ReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? new ValidationError([new("reason", "Points.ReasonRequired")])
        : reason.Trim().Length > Objection.MaxText ? new ValidationError([new("reason", "Text.TooLong", Objection.MaxText)])
        : null;

    private string By => user.UserName ?? "system";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
