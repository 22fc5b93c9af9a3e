using Jishi.Web.Data;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Publicity;

/// <summary>A 宣传报道 item taken out of the counts, with the reason; the points its credits posted are reversed (a pending
/// one is rejected) through <see cref="PointsLedger"/>. The item stays, marked, for the audit.</summary>
public sealed class RemovePublicity(JishiDbContext db, CurrentUser user, TimeProvider clock, PointsLedger ledger, PublicityQueries queries)
{
    public async Task<Result<PublicityItemDto>> RemoveAsync(int id, PointsLedger.ReasonRequest request, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } item)
        {
            return Error.NotFound("Publicity.Entity");
        }
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Trim().Length > 500)
        {
            return new ValidationError([new("reason", "Points.ReasonRequired")]);
        }
        if (item.IsRemoved)
        {
            return Error.Conflict("Publicity.AlreadyRemoved");
        }
        var reason = request.Reason.Trim();
        item.Remove(reason, user.UserName ?? "system", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        var keys = item.Credits.Select(c => PublicityItem.SourceKeyOf(id, c.MemberId)).ToList();
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => keys.Contains(e.SourceKey!)).Select(e => new { e.Id, e.Status })
            .ToListAsync(ct);
        foreach (var entry in entries)
        {
            var undone = entry.Status == EntryStatus.Pending
                ? (await ledger.RejectAsync(entry.Id, request with { Reason = reason }, ct)).Error
                : (await ledger.ReverseAsync(entry.Id, request with { Reason = reason }, ct)).Error;
            if (undone is { Code: not ("Points.AlreadyReversed" or "Points.ReverseNotApproved") })
            {
                return undone;
            }
        }
        return await queries.DtoAsync(id, ct);
    }
}
