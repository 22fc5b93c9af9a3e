using System.Security.Cryptography;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Shops;

public enum RedemptionStatus { Issued, PickedUp, Cancelled }

/// <summary>Points exchanged for goods at a shop. The member's <c>MemberPoints.Redeemed</c> of <see cref="Year"/> holds
/// the points of every redemption not cancelled; the voucher is verified at the counter once (Issued → PickedUp), and a
/// redemption cancelled before pick-up gives its points and goods back (Issued → Cancelled, with returning movements).</summary>
public sealed class Redemption
{
    public const int MaxRequestId = 100;
    public const int VoucherLength = 8;

    /// <summary>No 0/O, 1/I/L or 2/Z, so that a code read aloud or typed from a phone screen is not mistaken.</summary>
    public const string VoucherAlphabet = "3456789ABCDEFGHJKMNPQRSTUVWXY";

    private readonly List<RedemptionLine> _lines = [];

    private Redemption() { }

    public Redemption(int shopId, int memberId, int year, string requestId, IEnumerable<RedemptionLine> lines, string by, DateTime at)
    {
        ShopId = shopId;
        MemberId = memberId;
        Year = year;
        RequestId = requestId;
        VoucherCode = NewVoucherCode();
        _lines.AddRange(lines);
        PointsSpent = _lines.Sum(l => l.PricePoints * l.Quantity);
        Status = RedemptionStatus.Issued;
        CreatedBy = by;
        CreatedAt = at;
    }

    public long Id { get; private set; }
    public int ShopId { get; private set; }
    public int MemberId { get; private set; }

    /// <summary>The year whose spendable points paid (unspent points lapse at year end).</summary>
    public int Year { get; private set; }
    public string RequestId { get; private set; } = "";
    public string VoucherCode { get; private set; } = "";
    public decimal PointsSpent { get; private set; }
    public RedemptionStatus Status { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public string? ClosedBy { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public IReadOnlyList<RedemptionLine> Lines => _lines;

    /// <summary>Why the redemption can no longer be picked up or cancelled: 409 once it was either; null while issued.</summary>
    public Error? WhyNotOpen() => Status switch
    {
        RedemptionStatus.Issued => null,
        RedemptionStatus.PickedUp => Error.Conflict("Shops.AlreadyPickedUp"),
        _ => Error.Conflict("Shops.AlreadyCancelled"),
    };

    /// <summary>The counter hands the goods over: Issued → PickedUp, once.</summary>
    public Error? PickUp(string by, DateTime at) => Close(RedemptionStatus.PickedUp, by, at);

    /// <summary>Cancelled before pick-up: Issued → Cancelled, once; the caller gives the points and goods back.</summary>
    public Error? Cancel(string by, DateTime at) => Close(RedemptionStatus.Cancelled, by, at);

    private Error? Close(RedemptionStatus status, string by, DateTime at)
    {
        if (WhyNotOpen() is { } refused)
        {
            return refused;
        }
        Status = status;
        ClosedBy = by;
        ClosedAt = at;
        return null;
    }

    public static string NewVoucherCode() =>
        string.Create(VoucherLength, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = VoucherAlphabet[RandomNumberGenerator.GetInt32(VoucherAlphabet.Length)];
            }
        });

    /// <summary>A code as typed at the counter: case, spaces and dashes do not matter.</summary>
    public static string NormalizeCode(string? code) =>
        new string((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();
}

public sealed class RedemptionLine
{
    private RedemptionLine() { }

    public RedemptionLine(int goodsId, int quantity, decimal pricePoints)
    {
        GoodsId = goodsId;
        Quantity = quantity;
        PricePoints = pricePoints;
    }

    public long Id { get; private set; }
    public long RedemptionId { get; private set; }
    public int GoodsId { get; private set; }
    public int Quantity { get; private set; }

    /// <summary>The price when redeemed; a later price change does not rewrite history.</summary>
    public decimal PricePoints { get; private set; }
}
