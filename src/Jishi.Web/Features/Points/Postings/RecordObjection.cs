using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Points.Postings;

/// <summary>Records an objection to an entry of a 公示, on the window's days only (409 after it closes): by staff on the
/// member's behalf, or by the member (我的积分).</summary>
public sealed class RecordObjection(JishiDbContext db, CurrentUser user, TimeProvider clock, PostingQueries queries)
{
    public sealed record Request(long EntryId, string? Reason);

    /// <summary>Staff record an objection to an entry of a member of their subtree.</summary>
    public async Task<Result<ObjectionDto>> HandleAsync(int postingId, Request request, CancellationToken ct)
    {
        if (await queries.FindAsync(postingId, ct) is not { } posting)
        {
            return Error.NotFound("Entity.Posting");
        }
        var scope = await user.ScopePathAsync(ct);
        return await RecordAsync(posting,
            db.LedgerEntries.Where(e => db.Members.Within(scope).Any(m => m.Id == e.MemberId)),
            request, ct);
    }

    /// <summary>A member's own objection: to an entry of theirs, in a 公示 of their unit or of a unit above it.</summary>
    public async Task<Result<ObjectionDto>> OwnAsync(int memberId, int postingId, Request request, CancellationToken ct)
    {
        var path = await db.Members.Where(m => m.Id == memberId).Select(m => m.Unit!.Path).FirstOrDefaultAsync(ct);
        var units = Unit.IdsOf(path ?? "");
        if (await db.Postings.AsNoTracking().FirstOrDefaultAsync(p => p.Id == postingId && units.Contains(p.UnitId), ct)
            is not { } posting)
        {
            return Error.NotFound("Entity.Posting");
        }
        // Staff record what members tell them; a member's own button is pressed once per entry until it is answered.
        if (await db.Objections.AnyAsync(o => o.PostingId == postingId && o.EntryId == request.EntryId
                && o.Status == ObjectionStatus.Open, ct))
        {
            return Error.Conflict("My.AlreadyObjected");
        }
        return await RecordAsync(posting, db.LedgerEntries.Where(e => e.MemberId == memberId), request, ct);
    }

    /// <summary>Records an objection to one of the <paramref name="reachable"/> entries, when the posting lists
    /// it.</summary>
    private async Task<Result<ObjectionDto>> RecordAsync(Posting posting, IQueryable<LedgerEntry> reachable,
        Request request,
        CancellationToken ct)
    {
        var unitPath = await db.Units.Where(u => u.Id == posting.UnitId).Select(u => u.Path).FirstAsync(ct);
        var entry = await reachable.AsNoTracking().Where(e => e.Id == request.EntryId)
            .Select(e => new { e.OccurredOn, e.Status, InUnit
                = db.Members.Within(unitPath).Any(m => m.Id == e.MemberId) })
            .FirstOrDefaultAsync(ct);
        if (entry is null)
        {
            return Error.NotFound("Entity.LedgerEntry");
        }
        if (!posting.Lists(entry.InUnit, entry.Status, entry.OccurredOn))
        {
            return new ValidationError([new("entryId", "Postings.EntryNotPosted")]);
        }
        if (Objection.ReasonProblem(request.Reason) is { } invalid)
        {
            return invalid;
        }
        if (!posting.IsOpenOn(DateOnly.FromDateTime(clock.GetLocalNow().DateTime)))
        {
            return Error.Conflict("Postings.WindowClosed", posting.OpensOn, posting.ClosesOn);
        }
        var objection = new Objection(posting.Id, request.EntryId, request.Reason!.Trim(), user.UserName ?? "system",
            clock.GetUtcNow().UtcDateTime);
        db.Objections.Add(objection);
        await db.SaveChangesAsync(ct);
        return await queries.ObjectionAsync(objection.Id, ct);
    }
}
