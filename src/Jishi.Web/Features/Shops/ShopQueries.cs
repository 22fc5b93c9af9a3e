using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Shops;

/// <summary>The shops, their goods and the stock ledger as the caller sees them: within the caller's subtree (a shop
/// belongs to the unit that runs it).</summary>
public sealed class ShopQueries(JishiDbContext db, CurrentUser user)
{
    public sealed record MovementsRequest(int? GoodsId, int? Page, int? PageSize);

    public async Task<IReadOnlyList<ShopDetail>> ShopsAsync(CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        return await (from s in db.Shops.AsNoTracking()
                      join u in db.Units.Within(scope) on s.UnitId equals u.Id
                      orderby u.Path, s.Id
                      select new ShopDetail(s.Id, s.Name, s.UnitId, u.Name, s.Address, s.Hours)).ToListAsync(ct);
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
}
