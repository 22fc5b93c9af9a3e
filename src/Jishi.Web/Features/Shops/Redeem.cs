using Jishi.Web.Data;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Shops;

public sealed record RedemptionCreated(long Id, string VoucherCode, decimal PointsSpent);

public sealed record RedemptionLineDto(int GoodsId, string GoodsName, int Quantity, decimal PricePoints);

public sealed record RedemptionDto(long Id, int ShopId, string ShopName, int MemberId, string MemberName, int Year, string VoucherCode,
    decimal PointsSpent, RedemptionStatus Status, DateTime CreatedAt, string CreatedBy, DateTime? ClosedAt, string? ClosedBy,
    IReadOnlyList<RedemptionLineDto> Lines);

/// <summary>Redemptions at the counter: points and stock taken all-or-nothing by group commit (<see cref="RedemptionWriter"/>,
/// ADR-008), a voucher verified once, a cancellation that gives both back. Both balances change only through conditional
/// UPDATEs (<see cref="PointsBalances"/>, … WHERE Stock ≥ quantity), so neither goes below zero under any concurrency; a
/// cancellation runs under the member's write lock (<see cref="MemberWriteLock"/>) like the ledger's single writes, and
/// the redemption's status, a concurrency token, closes it once.</summary>
public sealed class Redeem(JishiDbContext db, CurrentUser user, TimeProvider clock, MemberWriteLock writeLock, RedemptionWriter writer)
{
    public const int MaxQuantity = 100;

    public sealed record ItemRequest(int GoodsId, int Quantity);

    public sealed record RedeemRequest(int MemberId, string? RequestId, IReadOnlyList<ItemRequest>? Items);

    /// <summary><paramref name="Created"/> is false when the request id had redeemed before: the first redemption, nothing taken.</summary>
    public sealed record Outcome(RedemptionCreated Redemption, bool Created);

    // Compiled: redemptions arrive by the thousand a second, and these run for each (bench/README.md).
    private static readonly CompiledQuery<Func<JishiDbContext, int, string, CancellationToken, Task<bool>>> ShopInScope =
        new(() => EF.CompileAsyncQuery(UnitScope.Translatable((JishiDbContext db, int id, string scope, CancellationToken ct) =>
            db.Shops.Any(s => s.Id == id && db.Units.Any(u => u.Id == s.UnitId && UnitScope.Sees(scope, u.Path))))));

    private static readonly CompiledQuery<Func<JishiDbContext, int, string, CancellationToken, Task<bool>>> MemberInScope =
        new(() => EF.CompileAsyncQuery(UnitScope.Translatable((JishiDbContext db, int id, string scope, CancellationToken ct) =>
            db.Members.Any(m => m.Id == id && UnitScope.Sees(scope, m.Unit!.Path)))));

    private static readonly CompiledQuery<Func<JishiDbContext, int, int[], IAsyncEnumerable<Goods>>> GoodsOfShop =
        new(() => EF.CompileAsyncQuery((JishiDbContext db, int shopId, int[] ids) => db.Goods.AsNoTracking().Where(g => g.ShopId == shopId && g.Active && ids.Contains(g.Id))));

    private static readonly CompiledQuery<Func<JishiDbContext, string, CancellationToken, Task<RedemptionWriter.Stored?>>> RedemptionOfRequest =
        new(() => EF.CompileAsyncQuery((JishiDbContext db, string requestId, CancellationToken ct) => db.Redemptions.AsNoTracking().Where(r => r.RequestId == requestId)
            .Select(r => new RedemptionWriter.Stored(r.ShopId, new RedemptionCreated(r.Id, r.VoucherCode, r.PointsSpent))).FirstOrDefault()));

    /// <summary>A checked request: the answer of an earlier redemption of its request id, or the basket to store.</summary>
    public sealed record Basket(Result<Outcome>? Earlier, RedemptionWriter.Pending? Pending);

    public async Task<Result<Outcome>> RedeemAsync(int shopId, RedeemRequest request, CancellationToken ct)
    {
        var basket = await BasketAsync(shopId, request, ct);
        return basket.Error is { } error ? error : basket.Value!.Earlier ?? await writer.WriteAsync(basket.Value.Pending!, ct);
    }

    /// <summary>Checks a request for <see cref="RedeemAsync"/>; the demo's seeding stores the basket in its own transaction
    /// (<see cref="RedemptionWriter.StoreAsync"/>).</summary>
    public async Task<Result<Basket>> BasketAsync(int shopId, RedeemRequest request, CancellationToken ct)
    {
        var requestId = request.RequestId?.Trim();
        var problems = new List<FieldProblem>();
        if (string.IsNullOrEmpty(requestId) || requestId.Length > Redemption.MaxRequestId)
        {
            problems.Add(new("requestId", "Shops.RequestIdInvalid", Redemption.MaxRequestId));
        }
        if (request.Items is not { Count: > 0 } items || items.Count > 50)
        {
            problems.Add(new("items", "Shops.ItemsRequired"));
        }
        else if (items.Any(i => i.Quantity is < 1 or > MaxQuantity))
        {
            problems.Add(new("items", "Shops.ItemQuantityRange", MaxQuantity));
        }
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        var scope = await user.ScopePathAsync(ct);
        if (!await ShopInScope.For(db)(db, shopId, scope, ct))
        {
            return Error.NotFound("Entity.Shop");
        }
        if (await EarlierAsync(shopId, requestId!, ct) is { } earlier)
        {
            return new Basket(earlier, null);
        }
        if (!await MemberInScope.For(db)(db, request.MemberId, scope, ct))
        {
            return Error.NotFound("Entity.Member");
        }
        var wanted = request.Items!.GroupBy(i => i.GoodsId).ToDictionary(g => g.Key, g => g.Sum(i => i.Quantity));
        var goods = await GoodsOfShop.For(db)(db, shopId, wanted.Keys.ToArray()).ToListAsync(ct);
        if (wanted.Keys.Where(id => goods.All(g => g.Id != id)).ToList() is [var missing, ..])
        {
            return new ValidationError([new("items", "Shops.UnknownGoods", missing)]);
        }
        // In goods id order: the writer takes stock in it, and on PostgreSQL locks rows in it.
        var lines = goods.OrderBy(g => g.Id).Select(g => new RedemptionWriter.Line(g.Id, g.Name, wanted[g.Id], g.PricePoints)).ToList();
        var pending = new RedemptionWriter.Pending(shopId, request.MemberId, clock.GetLocalNow().Year, requestId!, lines, clock.GetUtcNow().UtcDateTime,
            user.Principal);
        return new Basket(null, pending);
    }

    /// <summary>The counter hands the goods over: Issued → PickedUp, once; 409 when already picked up or cancelled.</summary>
    public async Task<Result<RedemptionDto>> VerifyAsync(int shopId, string? code, CancellationToken ct)
    {
        var normalized = Redemption.NormalizeCode(code);
        if (await FindAsync(shopId, r => r.VoucherCode == normalized, ct) is not { } found)
        {
            return Error.NotFound("Entity.Voucher");
        }
        var redemption = await db.Redemptions.FirstAsync(r => r.Id == found.Id, ct);
        if (redemption.PickUp(user.UserName ?? "system", clock.GetUtcNow().UtcDateTime) is { } refused)
        {
            return refused;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Picked up or cancelled by another request since it was read.
            return await ClosedAsync(found.Id, ct);
        }
        return await DtoAsync(found.Id, ct);
    }

    /// <summary>Cancels a redemption before pick-up: its points go back to the year it paid from and its goods back on the
    /// shelf by returning movements, in one transaction; nothing is deleted.</summary>
    public async Task<Result<RedemptionDto>> CancelAsync(int shopId, long redemptionId, CancellationToken ct)
    {
        if (await FindAsync(shopId, r => r.Id == redemptionId, ct) is not { } found)
        {
            return Error.NotFound("Entity.Redemption");
        }
        try
        {
            return await writeLock.SerializedAsync(found.MemberId, () => StoreCancellationAsync(redemptionId, ct), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Picked up by another request since it was read; the rollback took nothing back.
            return await ClosedAsync(redemptionId, ct);
        }
    }

    /// <summary><see cref="CancelAsync"/> in the caller's transaction, which holds the member's write lock (or, for the
    /// demo's seeding, the whole new database).</summary>
    internal async Task<Result<RedemptionDto>> StoreCancellationAsync(long redemptionId, CancellationToken ct)
    {
        var redemption = await db.Redemptions.Include(r => r.Lines).FirstAsync(r => r.Id == redemptionId, ct);
        var by = user.UserName ?? "system";
        var at = clock.GetUtcNow().UtcDateTime;
        if (redemption.Cancel(by, at) is { } refused)
        {
            return refused;
        }
        // The status first: a pick-up racing this cancellation waits for it and then fails its concurrency check, or
        // this save fails on its own, before anything was given back.
        await db.SaveChangesAsync(ct);
        await PointsBalances.RefundAsync(db, redemption.MemberId, redemption.Year, redemption.PointsSpent, ct);
        foreach (var line in redemption.Lines.OrderBy(l => l.GoodsId))
        {
            await StockLedger.MoveAsync(db, line.GoodsId, line.Quantity, ct);
            db.StockMovements.Add(new StockMovement(line.GoodsId, MovementKind.Returned, line.Quantity, null, redemptionId, by, at));
        }
        await db.SaveChangesAsync(ct);
        return await DtoAsync(redemptionId, ct);
    }

    public async Task<Result<RedemptionDto>> GetAsync(int shopId, long redemptionId, CancellationToken ct) =>
        await FindAsync(shopId, r => r.Id == redemptionId, ct) is { } found ? await DtoAsync(found.Id, ct) : Error.NotFound("Entity.Redemption");

    public sealed record CounterMember(int Id, string Name, string UnitName, decimal Spendable);

    /// <summary>Members of the caller's subtree whose name contains <paramref name="q"/>, with this year's spendable points.</summary>
    public async Task<IReadOnlyList<CounterMember>> FindMembersAsync(string? q, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return [];
        }
        var scope = await user.ScopePathAsync(ct);
        var year = clock.GetLocalNow().Year;
        var name = q.Trim();
        var found = await db.Members.AsNoTracking().Within(scope).Where(m => m.Name.Contains(name))
            .OrderBy(m => m.Name).ThenBy(m => m.Id).Take(20).Select(m => new { m.Id, m.Name, Unit = m.Unit!.Name }).ToListAsync(ct);
        var ids = found.Select(m => m.Id).ToList();
        var balances = await db.MemberPoints.AsNoTracking().Where(p => p.Year == year && ids.Contains(p.MemberId)).ToDictionaryAsync(p => p.MemberId, ct);
        return found.Select(m => new CounterMember(m.Id, m.Name, m.Unit, balances.GetValueOrDefault(m.Id)?.Spendable ?? 0m)).ToList();
    }

    /// <summary>Why a redemption that another request closed first can no longer be closed, as it is stored now.</summary>
    private async Task<Error> ClosedAsync(long id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return (await db.Redemptions.AsNoTracking().FirstAsync(r => r.Id == id, ct)).WhyNotOpen()
            ?? throw new InvalidOperationException("A redemption that lost a race yet is still issued.");
    }

    private async Task<Redemption?> FindAsync(int shopId, System.Linq.Expressions.Expression<Func<Redemption, bool>> which, CancellationToken ct) =>
        await db.FindVisibleShopAsync(user, shopId, ct) is null ? null
            : await db.Redemptions.AsNoTracking().Where(r => r.ShopId == shopId).Where(which).FirstOrDefaultAsync(ct);

    private async Task<Result<Outcome>?> EarlierAsync(int shopId, string requestId, CancellationToken ct) =>
        await RedemptionOfRequest.For(db)(db, requestId, ct) is { } found ? found.AnswerAt(shopId) : (Result<Outcome>?)null;

    private async Task<RedemptionDto> DtoAsync(long id, CancellationToken ct)
    {
        var r = await db.Redemptions.AsNoTracking().Include(x => x.Lines).FirstAsync(x => x.Id == id, ct);
        var goodsIds = r.Lines.Select(l => l.GoodsId).ToList();
        var names = await db.Goods.AsNoTracking().Where(g => goodsIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var shop = await db.Shops.AsNoTracking().Where(s => s.Id == r.ShopId).Select(s => s.Name).FirstAsync(ct);
        var member = await db.Members.AsNoTracking().Where(m => m.Id == r.MemberId).Select(m => m.Name).FirstAsync(ct);
        return new RedemptionDto(r.Id, r.ShopId, shop, r.MemberId, member, r.Year, r.VoucherCode, r.PointsSpent, r.Status, r.CreatedAt, r.CreatedBy,
            r.ClosedAt, r.ClosedBy, r.Lines.Select(l => new RedemptionLineDto(l.GoodsId, names[l.GoodsId], l.Quantity, l.PricePoints)).ToList());
    }
}
