using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Shops;

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

    /// <summary>The goods of a shop the caller sees (<see cref="FindVisibleShopAsync"/>), tracked, to change.</summary>
    public static async Task<Goods?> FindVisibleGoodsAsync(this JishiDbContext db, CurrentUser user, int shopId, int goodsId,
        CancellationToken ct) =>
        await db.FindVisibleShopAsync(user, shopId, ct) is null ? null
            : await db.Goods.FirstOrDefaultAsync(g => g.Id == goodsId && g.ShopId == shopId, ct);
}
