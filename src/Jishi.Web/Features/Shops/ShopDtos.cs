namespace Jishi.Web.Features.Shops;

public sealed record ShopDto(int Id, string Name, int UnitId);

public sealed record ShopDetail(int Id, string Name, int UnitId, string UnitName, string? Address, string? Hours);

public sealed record GoodsDto(int Id, string Name, decimal PricePoints, int Stock);

public sealed record GoodsDetail(int Id, string Name, decimal PricePoints, int Stock, bool Active);

public sealed record MovementDto(long Id, int GoodsId, string GoodsName, MovementKind Kind, int Quantity, string? Reason, long? RedemptionId,
    string By, DateTime At);

public static class ShopDtoMapping
{
    public static GoodsDetail AsDetail(this Goods g) => new(g.Id, g.Name, g.PricePoints, g.Stock, g.Active);
}
