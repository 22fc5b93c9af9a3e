using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Shops;

public sealed record ShopDto(int Id, string Name, int UnitId);

public sealed record ShopDetail(int Id, string Name, int UnitId, string UnitName, string? Address, string? Hours);

public sealed record GoodsDto(int Id, string Name, decimal PricePoints, int Stock);

public sealed record GoodsDetail(int Id, string Name, decimal PricePoints, int Stock, bool Active);

public sealed record MovementDto(long Id, int GoodsId, string GoodsName, MovementKind Kind, int Quantity, string? Reason, long? RedemptionId,
    string By, DateTime At);

/// <summary>Shops, their goods and the stock ledger, within the caller's subtree (a shop belongs to the unit that runs it).</summary>
public sealed class ShopAdmin(JishiDbContext db, CurrentUser user, TimeProvider clock)
{
    public sealed record ShopInput(int UnitId, string? Name, string? Address, string? Hours);

    public sealed record GoodsInput(string? Name, decimal PricePoints, bool Active = true);

    /// <summary><paramref name="Kind"/> is Received (a positive quantity) or Adjusted (signed, after a count; a reason is required).</summary>
    public sealed record StockInput(MovementKind Kind, int Quantity, string? Reason);

    public sealed record MovementsRequest(int? GoodsId, int? Page, int? PageSize);

    public async Task<IReadOnlyList<ShopDetail>> ShopsAsync(CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        return await (from s in db.Shops.AsNoTracking()
                      join u in db.Units.Within(scope) on s.UnitId equals u.Id
                      orderby u.Path, s.Id
                      select new ShopDetail(s.Id, s.Name, s.UnitId, u.Name, s.Address, s.Hours)).ToListAsync(ct);
    }

    public async Task<Result<ShopDetail>> CreateShopAsync(ShopInput input, CancellationToken ct)
    {
        if (ShopProblems(input) is { } invalid)
        {
            return invalid;
        }
        if (await db.FindVisibleUnitAsync(user, input.UnitId, ct) is null)
        {
            return Error.NotFound("Entity.Unit");
        }
        var shop = new Shop(input.UnitId, input.Name!.Trim(), Trimmed(input.Address), Trimmed(input.Hours));
        db.Shops.Add(shop);
        await db.SaveChangesAsync(ct);
        return await ShopAsync(shop.Id, ct);
    }

    public async Task<Result<ShopDetail>> UpdateShopAsync(int shopId, ShopInput input, CancellationToken ct)
    {
        if (ShopProblems(input) is { } invalid)
        {
            return invalid;
        }
        if (await db.FindVisibleShopAsync(user, shopId, ct) is null)
        {
            return Error.NotFound("Entity.Shop");
        }
        var shop = await db.Shops.FirstAsync(s => s.Id == shopId, ct);
        shop.Describe(input.Name!.Trim(), Trimmed(input.Address), Trimmed(input.Hours));
        await db.SaveChangesAsync(ct);
        return await ShopAsync(shopId, ct);
    }

    /// <summary>The goods of a visible shop, the goods on sale first; null for an unknown or foreign shop.</summary>
    public async Task<IReadOnlyList<GoodsDetail>?> GoodsAsync(int shopId, bool includeInactive, CancellationToken ct)
    {
        if (await db.FindVisibleShopAsync(user, shopId, ct) is null)
        {
            return null;
        }
        return await db.Goods.AsNoTracking().Where(g => g.ShopId == shopId && (includeInactive || g.Active))
            .OrderByDescending(g => g.Active).ThenBy(g => g.Id)
            .Select(g => new GoodsDetail(g.Id, g.Name, g.PricePoints, g.Stock, g.Active)).ToListAsync(ct);
    }

    public async Task<Result<GoodsDetail>> CreateGoodsAsync(int shopId, GoodsInput input, CancellationToken ct)
    {
        if (GoodsProblems(input) is { } invalid)
        {
            return invalid;
        }
        if (await db.FindVisibleShopAsync(user, shopId, ct) is null)
        {
            return Error.NotFound("Entity.Shop");
        }
        var goods = new Goods(shopId, input.Name!.Trim(), input.PricePoints);
        db.Goods.Add(goods);
        await db.SaveChangesAsync(ct);
        return Detail(goods);
    }

    public async Task<Result<GoodsDetail>> UpdateGoodsAsync(int shopId, int goodsId, GoodsInput input, CancellationToken ct)
    {
        if (GoodsProblems(input) is { } invalid)
        {
            return invalid;
        }
        if (await FindGoodsAsync(shopId, goodsId, ct) is not { } goods)
        {
            return Error.NotFound("Entity.Goods");
        }
        goods.Describe(input.Name!.Trim(), input.PricePoints, input.Active);
        await db.SaveChangesAsync(ct);
        return Detail(goods);
    }

    /// <summary>Appends a movement and changes the stored stock in one transaction; an adjustment below zero is refused.</summary>
    public Task<Result<MovementDto>> MoveStockAsync(int shopId, int goodsId, StockInput input, CancellationToken ct) =>
        db.Database.CommittedIfSuccessAsync(() => StoreMovementAsync(shopId, goodsId, input, ct), ct);

    /// <summary><see cref="MoveStockAsync"/> in the caller's transaction (the demo's seeding).</summary>
    internal async Task<Result<MovementDto>> StoreMovementAsync(int shopId, int goodsId, StockInput input, CancellationToken ct)
    {
        if (await FindGoodsAsync(shopId, goodsId, ct) is not { } goods)
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

    public async Task<Result<Page<MovementDto>>> MovementsAsync(int shopId, MovementsRequest request, CancellationToken ct)
    {
        if (await db.FindVisibleShopAsync(user, shopId, ct) is null)
        {
            return Error.NotFound("Entity.Shop");
        }
        return await (from m in db.StockMovements.AsNoTracking()
                      join g in db.Goods on m.GoodsId equals g.Id
                      where g.ShopId == shopId && (request.GoodsId == null || g.Id == request.GoodsId)
                      orderby m.Id descending
                      select new MovementDto(m.Id, g.Id, g.Name, m.Kind, m.Quantity, m.Reason, m.RedemptionId, m.By, m.At))
            .ToPageAsync(request.Page, request.PageSize, ct);
    }

    private async Task<Goods?> FindGoodsAsync(int shopId, int goodsId, CancellationToken ct) =>
        await db.FindVisibleShopAsync(user, shopId, ct) is null ? null
            : await db.Goods.FirstOrDefaultAsync(g => g.Id == goodsId && g.ShopId == shopId, ct);

    private async Task<ShopDetail> ShopAsync(int id, CancellationToken ct) =>
        await (from s in db.Shops.AsNoTracking()
               join u in db.Units on s.UnitId equals u.Id
               where s.Id == id
               select new ShopDetail(s.Id, s.Name, s.UnitId, u.Name, s.Address, s.Hours)).FirstAsync(ct);

    private static GoodsDetail Detail(Goods g) => new(g.Id, g.Name, g.PricePoints, g.Stock, g.Active);

    private static ValidationError? ShopProblems(ShopInput input)
    {
        var problems = new List<FieldProblem>();
        Text(problems, "name", input.Name, Shop.MaxName, required: true);
        Text(problems, "address", input.Address, Shop.MaxAddress, required: false);
        Text(problems, "hours", input.Hours, Shop.MaxHours, required: false);
        return problems.Count > 0 ? new ValidationError(problems) : null;
    }

    private static ValidationError? GoodsProblems(GoodsInput input)
    {
        var problems = new List<FieldProblem>();
        Text(problems, "name", input.Name, Goods.MaxName, required: true);
        if (input.PricePoints is <= 0 or > 100_000 || decimal.Round(input.PricePoints, 2) != input.PricePoints)
        {
            problems.Add(new("pricePoints", "Shops.PriceInvalid"));
        }
        return problems.Count > 0 ? new ValidationError(problems) : null;
    }

    private static void Text(List<FieldProblem> problems, string field, string? value, int max, bool required)
    {
        if (required && Trimmed(value) is null)
        {
            problems.Add(new(field, "Shops.Required"));
        }
        else if (value?.Trim().Length > max)
        {
            problems.Add(new(field, "Text.TooLong", max));
        }
    }

    private static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>The stored stock changes only through a conditional UPDATE in the movement's transaction: it never goes below
/// zero, whatever runs at the same time, on either database.</summary>
public static class StockLedger
{
    public static async Task<bool> MoveAsync(JishiDbContext db, int goodsId, int delta, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync(
            $"UPDATE \"Goods\" SET \"Stock\" = \"Stock\" + {delta} WHERE \"Id\" = {goodsId} AND \"Stock\" + {delta} >= 0", ct) == 1;

    /// <summary>The shop when the caller sees the unit that runs it.</summary>
    public static async Task<Shop?> FindVisibleShopAsync(this JishiDbContext db, CurrentUser user, int shopId, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        return await db.Shops.AsNoTracking().Where(s => s.Id == shopId && db.Units.Within(scope).Any(u => u.Id == s.UnitId))
            .FirstOrDefaultAsync(ct);
    }
}
