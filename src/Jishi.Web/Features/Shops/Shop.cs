namespace Jishi.Web.Features.Shops;

/// <summary>A 爱心超市/积分超市 run by a unit (usually a community) where members exchange spendable points for goods.</summary>
public sealed class Shop
{
    public const int MaxName = 100;
    public const int MaxAddress = 200;
    public const int MaxHours = 100;

    private Shop() { }

    public Shop(int unitId, string name, string? address, string? hours)
    {
        UnitId = unitId;
        Describe(name, address, hours);
    }

    public int Id { get; private set; }
    public int UnitId { get; private set; }
    public string Name { get; private set; } = "";
    public string? Address { get; private set; }
    public string? Hours { get; private set; }

    public void Describe(string name, string? address, string? hours)
    {
        Name = name;
        Address = address;
        Hours = hours;
    }
}

/// <summary>One kind of goods on a shop's shelf. <see cref="Stock"/> is the stored balance of its
/// <see cref="StockMovement"/>s, changed only in the transaction that appends the movement (<see cref="StockLedger"/>).</summary>
public sealed class Goods
{
    public const int MaxName = 100;

    private Goods() { }

    public Goods(int shopId, string name, decimal pricePoints)
    {
        ShopId = shopId;
        Name = name;
        PricePoints = pricePoints;
        Active = true;
    }

    public int Id { get; private set; }
    public int ShopId { get; private set; }
    public string Name { get; private set; } = "";
    public decimal PricePoints { get; private set; }
    public int Stock { get; private set; }
    public bool Active { get; private set; }

    public void Describe(string name, decimal pricePoints, bool active)
    {
        Name = name;
        PricePoints = pricePoints;
        Active = active;
    }
}

public enum MovementKind { Received, Adjusted, Redeemed, Returned }

/// <summary>An append-only line of the stock ledger: goods received, a counted adjustment with its reason, goods handed
/// out by a redemption, or goods returned by its cancellation.</summary>
public sealed class StockMovement
{
    public const int MaxReason = 200;

    private StockMovement() { }

    public StockMovement(int goodsId, MovementKind kind, int quantity, string? reason, long? redemptionId, string by, DateTime at)
    {
        GoodsId = goodsId;
        Kind = kind;
        Quantity = quantity;
        Reason = reason;
        RedemptionId = redemptionId;
        By = by;
        At = at;
    }

    public long Id { get; private set; }
    public int GoodsId { get; private set; }
    public MovementKind Kind { get; private set; }

    /// <summary>Signed: positive into the shop, negative out of it.</summary>
    public int Quantity { get; private set; }
    public string? Reason { get; private set; }
    public long? RedemptionId { get; private set; }
    public string By { get; private set; } = "";
    public DateTime At { get; private set; }
}
