using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Points.Postings;

/// <summary>Upholds an objection by the ledger's reversal of the entry, or rejects it; either way with the reason,
/// once.</summary>
public sealed class ResolveObjection(JishiDbContext db, CurrentUser user, TimeProvider clock, PointsLedger ledger,
    PostingQueries queries)
{
    public sealed record Request(string? Action, string? Reason);

    public const string Reverse = "reverse";
    public const string Reject = "reject";

    public async Task<Result<ObjectionDto>> HandleAsync(int objectionId, Request request, CancellationToken ct)
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
        if (Objection.ReasonProblem(request.Reason) is { } invalid)
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
        objection.Resolve(reversal is null ? ObjectionStatus.Rejected : ObjectionStatus.Reversed, reason, reversal,
            user.UserName ?? "system", clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("Postings.AlreadyResolved");
        }
        return await queries.ObjectionAsync(objection.Id, ct);
    }
}
