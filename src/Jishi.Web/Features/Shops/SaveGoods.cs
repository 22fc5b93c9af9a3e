using Jishi.Web.Data;
using Jishi.Web.Shared;
using static Jishi.Web.Features.Shops.ShopInputs;

namespace Jishi.Web.Features.Shops;

/// <summary>Puts goods on a visible shop's shelf, and changes their name, price in points and whether they are on sale.
/// Stock changes only through <see cref="MoveStock"/> and redemptions.</summary>
public sealed class SaveGoods(JishiDbContext db, CurrentUser user)
{
    public sealed record GoodsInput(string? Name, decimal PricePoints, bool Active = true);

    public async Task<Result<GoodsDetail>> CreateGoodsAsync(int shopId, GoodsInput input, CancellationToken ct)
    {
        if (Problems(input) is { } invalid)
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
        return goods.AsDetail();
    }

    public async Task<Result<GoodsDetail>> UpdateGoodsAsync(int shopId, int goodsId, GoodsInput input, CancellationToken ct)
    {
        if (Problems(input) is { } invalid)
        {
            return invalid;
        }
        if (await db.FindVisibleGoodsAsync(user, shopId, goodsId, ct) is not { } goods)
        {
            return Error.NotFound("Entity.Goods");
        }
        goods.Describe(input.Name!.Trim(), input.PricePoints, input.Active);
        await db.SaveChangesAsync(ct);
        return goods.AsDetail();
    }

    private static ValidationError? Problems(GoodsInput input)
    {
        var problems = new List<FieldProblem>();
        CheckText(problems, "name", input.Name, Goods.MaxName, required: true);
        if (input.PricePoints is <= 0 or > 100_000 || decimal.Round(input.PricePoints, 2) != input.PricePoints)
        {
            problems.Add(new("pricePoints", "Shops.PriceInvalid"));
        }
        return problems.Count > 0 ? new ValidationError(problems) : null;
    }
}
