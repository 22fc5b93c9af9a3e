using System.Security.Claims;
using Jishi.Web.Data;
using Jishi.Web.Features.Audit;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Shops;

/// <summary>Stores redemptions by group commit (ADR-008): requests queue their checked basket, one loop stores whatever
/// has queued, for any members and shops, in one transaction and then answers each request. Each redemption stays
/// all-or-nothing inside the batch: its points and stock are taken by conditional UPDATEs in arrival order, and one that
/// is refused gives back what it took before the next one runs, so the batch ends as if each had been its own transaction.
/// Nothing is acknowledged before the commit.</summary>
public sealed class RedemptionWriter(IServiceScopeFactory scopes, ILogger<RedemptionWriter> log)
    : GroupCommitWriter<RedemptionWriter.Pending, Result<Redeem.Outcome>>(log)
{
    public sealed record Line(int GoodsId, string GoodsName, int Quantity, decimal PricePoints);

    /// <summary>A checked basket: the shop is visible to <paramref name="By"/>, the member in its scope, the goods active
    /// goods of the shop, in goods id order.</summary>
    public sealed record Pending(int ShopId, int MemberId, int Year, string RequestId, IReadOnlyList<Line> Lines, DateTime At, ClaimsPrincipal By);

    public Task<Result<Redeem.Outcome>> WriteAsync(Pending pending, CancellationToken ct) => EnqueueAsync(pending, ct);

    protected override Task<Result<Redeem.Outcome>[]> CommitAsync(List<Pending> batch, CancellationToken ct) =>
        RetryLostRacesAsync(() => CommitOnceAsync(batch, ct), batch.Count);

    private async Task<Result<Redeem.Outcome>[]> CommitOnceAsync(List<Pending> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JishiDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditActor>();
        // The members' rows as the ledger's writes lock them, and the goods whose stock the batch takes.
        var rows = new[] { (LockedTable.Members, batch.Select(p => p.MemberId)), (LockedTable.Goods, batch.SelectMany(p => p.Lines).Select(l => l.GoodsId)) };
        return await scope.ServiceProvider.GetRequiredService<MemberWriteLock>().BatchAsync(rows, () => StoreAsync(db, audit, batch, ct), ct);
    }

    /// <summary>Stores the batch in <paramref name="db"/>'s transaction, which the caller holds with every lock needed;
    /// one answer per basket, in order. A request id already stored answers that redemption (or 409 when it was another
    /// shop's); a request id twice in the batch answers the first redemption of it that went through.</summary>
    internal static async Task<Result<Redeem.Outcome>[]> StoreAsync(JishiDbContext db, AuditActor audit, List<Pending> batch, CancellationToken ct)
    {
        // One parameter for the whole list (EF.Parameter): expanded, every batch size would be a query compiled anew.
        var requestIds = batch.Select(p => p.RequestId).Distinct().ToList();
        var stored = await db.Redemptions.AsNoTracking().Where(r => EF.Parameter(requestIds).Contains(r.RequestId))
            .Select(r => new { r.RequestId, Stored = new Stored(r.ShopId, new RedemptionCreated(r.Id, r.VoucherCode, r.PointsSpent)) })
            .ToDictionaryAsync(r => r.RequestId, r => r.Stored, ct);
        var answers = new Result<Redeem.Outcome>?[batch.Count];
        var made = new Redemption?[batch.Count];
        var first = new Dictionary<string, int>();
        foreach (var run in Runs(batch, p => p.By.Identity?.Name))
        {
            foreach (var i in run)
            {
                var p = batch[i];
                if (stored.TryGetValue(p.RequestId, out var before))
                {
                    answers[i] = before.AnswerAt(p.ShopId);
                    continue;
                }
                if (first.ContainsKey(p.RequestId))
                {
                    continue;
                }
                var redemption = new Redemption(p.ShopId, p.MemberId, p.Year, p.RequestId,
                    p.Lines.Select(l => new RedemptionLine(l.GoodsId, l.Quantity, l.PricePoints)), p.By.Identity?.Name ?? "system", p.At);
                if (await TakeAsync(db, p, redemption.PointsSpent, ct) is { } refused)
                {
                    answers[i] = refused;
                    continue;
                }
                first[p.RequestId] = i;
                made[i] = redemption;
                db.Redemptions.Add(redemption);
                // The redemption's temporary key, which the save replaces by the stored one in the movements too: one save
                // for both instead of one to learn the id and another for the movements.
                var id = db.Entry(redemption).Property(r => r.Id).CurrentValue;
                db.StockMovements.AddRange(redemption.Lines.Select(l =>
                    new StockMovement(l.GoodsId, MovementKind.Redeemed, -l.Quantity, null, id, redemption.CreatedBy, redemption.CreatedAt)));
            }
            // Audit rows name the caller, so each run of one caller's redemptions is saved under that caller.
            using (audit.Act(batch[run[0]].By.Identity?.Name))
            {
                await db.SaveChangesAsync(ct);
            }
        }
        var results = new Result<Redeem.Outcome>[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            results[i] = answers[i]
                ?? (made[i] is { } redemption ? new Redeem.Outcome(Created(redemption), true)
                // A request id again in the batch: the first redemption of it that went through.
                : new Stored(batch[first[batch[i].RequestId]].ShopId, Created(made[first[batch[i].RequestId]]!)).AnswerAt(batch[i].ShopId));
        }
        return results;
    }

    /// <summary>A redemption already stored for a request id.</summary>
    internal sealed record Stored(int ShopId, RedemptionCreated Created)
    {
        /// <summary>The answer to the same request id again at <paramref name="shopId"/>: the first redemption, nothing
        /// taken; a request id of another shop is refused rather than shown.</summary>
        public Result<Redeem.Outcome> AnswerAt(int shopId) =>
            ShopId == shopId ? new Redeem.Outcome(Created, false) : Error.Conflict("Shops.RequestIdUsed");
    }

    private static RedemptionCreated Created(Redemption r) => new(r.Id, r.VoucherCode, r.PointsSpent);

    /// <summary>Takes the basket's points (<see cref="PointsBalances"/>), then each line's stock, by conditional UPDATEs
    /// (… WHERE Stock ≥ quantity), so neither goes below zero whatever else runs. A refusal gives back what this basket took:
    /// the transaction holds the batch's other redemptions, so it cannot roll back for one.</summary>
    private static async Task<Error?> TakeAsync(JishiDbContext db, Pending p, decimal points, CancellationToken ct)
    {
        if (!await PointsBalances.SpendAsync(db, p.MemberId, p.Year, points, ct))
        {
            return Error.Conflict("Shops.PointsShort", points, await PointsBalances.SpendableAsync(db, p.MemberId, p.Year, ct));
        }
        for (var k = 0; k < p.Lines.Count; k++)
        {
            if (await StockLedger.MoveAsync(db, p.Lines[k].GoodsId, -p.Lines[k].Quantity, ct))
            {
                continue;
            }
            var stock = await db.Goods.Where(g => g.Id == p.Lines[k].GoodsId).Select(g => g.Stock).FirstAsync(ct);
            foreach (var taken in p.Lines.Take(k))
            {
                await StockLedger.MoveAsync(db, taken.GoodsId, taken.Quantity, ct);
            }
            await PointsBalances.RefundAsync(db, p.MemberId, p.Year, points, ct);
            return Error.Conflict("Shops.StockShort", p.Lines[k].GoodsName, stock);
        }
        return null;
    }
}
