using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;
using static Jishi.Web.Features.Shops.ShopInputs;

namespace Jishi.Web.Features.Shops;

/// <summary>Opens a shop for a unit the caller sees, and changes its name, address and opening hours.</summary>
public sealed class SaveShop(JishiDbContext db, CurrentUser user)
{
    public sealed record ShopInput(int UnitId, string? Name, string? Address, string? Hours);

    public async Task<Result<ShopDetail>> CreateShopAsync(ShopInput input, CancellationToken ct)
    {
        if (Problems(input) is { } invalid)
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
        if (Problems(input) is { } invalid)
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

    private async Task<ShopDetail> ShopAsync(int id, CancellationToken ct) =>
        await (from s in db.Shops.AsNoTracking()
               join u in db.Units on s.UnitId equals u.Id
               where s.Id == id
               select new ShopDetail(s.Id, s.Name, s.UnitId, u.Name, s.Address, s.Hours)).FirstAsync(ct);

    private static ValidationError? Problems(ShopInput input)
    {
        var problems = new List<FieldProblem>();
        CheckText(problems, "name", input.Name, Shop.MaxName, required: true);
        CheckText(problems, "address", input.Address, Shop.MaxAddress, required: false);
        CheckText(problems, "hours", input.Hours, Shop.MaxHours, required: false);
        return problems.Count > 0 ? new ValidationError(problems) : null;
    }
}
