using Jishi.Web.Data;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Data;
using static Jishi.Web.Features.Shops.ShopInputs;

namespace Jishi.Web.Features.Shops;

/// <summary>Goods received, or the stock corrected after a count: a movement appended to the stock ledger and the stored
/// stock changed in one transaction (<see cref="StockLedger"/>); an adjustment below zero is refused.</summary>
public sealed class MoveStock(JishiDbContext db, CurrentUser user, TimeProvider clock)
{
    /// <summary><paramref name="Kind"/> is Received (a positive quantity) or Adjusted (signed, after a count; a reason is
    /// required).</summary>
    public sealed record StockInput(MovementKind Kind, int Quantity, string? Reason);

    public Task<Result<MovementDto>> MoveStockAsync(int shopId, int goodsId, StockInput input, CancellationToken ct) =>
        db.Database.CommittedIfSuccessAsync(() => StoreMovementAsync(shopId, goodsId, input, ct), ct);

    /// <summary><see cref="MoveStockAsync"/> in the caller's transaction (the demo's seeding).</summary>
    internal async Task<Result<MovementDto>> StoreMovementAsync(int shopId, int goodsId, StockInput input, CancellationToken ct)
    {
        if (await db.FindVisibleGoodsAsync(user, shopId, goodsId, ct) is not { } goods)
        {
            return Error.NotFound("Entity.Goods");
        }
        var reason = Trimmed(input.Reason);
        var problems = new List<FieldProblem>();
        if (input.Kind is not (MovementKind.Received or MovementKind.Adjusted))
        {
            problems.Add(new("kind", "Shops.MovementKindInvalid"));
        }
        if (input.Quantity == 0 || Math.Abs(input.Quantity) > 100_000 || (input.Kind == MovementKind.Received && input.Quantity < 0))
        {
            problems.Add(new("quantity", "Shops.QuantityInvalid"));
        }
        if (input.Kind == MovementKind.Adjusted && reason is null)
        {
            problems.Add(new("reason", "Shops.ReasonRequired"));
        }
        if (reason?.Length > StockMovement.MaxReason)
        {
            problems.Add(new("reason", "Text.TooLong", StockMovement.MaxReason));
        }
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        if (!await StockLedger.MoveAsync(db, goodsId, input.Quantity, ct))
        {
            return Error.Conflict("Shops.StockShort", goods.Name, goods.Stock);
        }
        var movement = new StockMovement(goodsId, input.Kind, input.Quantity, reason, null, user.UserName ?? "system", clock.GetUtcNow().UtcDateTime);
        db.StockMovements.Add(movement);
        await db.SaveChangesAsync(ct);
        return new MovementDto(movement.Id, goodsId, goods.Name, movement.Kind, movement.Quantity, movement.Reason, null, movement.By, movement.At);
    }
}
