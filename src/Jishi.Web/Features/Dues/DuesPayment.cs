using Jishi.Web.Shared;

namespace Jishi.Web.Features.Dues;

/// <summary>A payment of dues for one or more months, or the reversal of one: the ledger is append-only, a wrong payment is
/// answered by a reversing payment of the opposite amount that points at it (<see cref="ReversalOf"/>), which frees its
/// months again. 代缴: <see cref="PayerMemberId"/> names the member who paid for another.</summary>
public sealed class DuesPayment
{
    public const int MaxRequestId = 64;
    public const int MaxReason = 500;

    private DuesPayment() { }

    private DuesPayment(int memberId, int? payerMemberId, long amountFen, DuesMethod method, string months, string? requestId,
        long? reversalOf, string? reason, string by, DateTime at)
    {
        MemberId = memberId;
        PayerMemberId = payerMemberId;
        AmountFen = amountFen;
        Method = method;
        Months = months;
        RequestId = requestId;
        ReversalOf = reversalOf;
        Reason = reason;
        RecordedBy = by;
        RecordedAt = at;
    }

    public long Id { get; private set; }
    public int MemberId { get; private set; }
    public int? PayerMemberId { get; private set; }

    /// <summary>In fen; negative for a reversal.</summary>
    public long AmountFen { get; private set; }

    public DuesMethod Method { get; private set; }

    /// <summary>The months paid, "2030-03,2030-04" (the month rows are <see cref="DuesPaidMonth"/>).</summary>
    public string Months { get; private set; } = "";

    /// <summary>The caller's key: the same request twice records one payment.</summary>
    public string? RequestId { get; private set; }

    public long? ReversalOf { get; private set; }
    public string? Reason { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }

    public bool IsReversal => ReversalOf is not null;

    /// <summary>A payment of <paramref name="months"/> at their dues (<paramref name="dueFen"/>, month → fen); the caller has
    /// checked that the amount equals their sum.</summary>
    public static DuesPayment Pay(int memberId, int? payerMemberId, IReadOnlyDictionary<int, long> dueFen, DuesMethod method,
        string requestId, string by, DateTime at)
    {
        var payment = new DuesPayment(memberId, payerMemberId == memberId ? null : payerMemberId, dueFen.Values.Sum(), method,
            string.Join(',', dueFen.Keys.Order().Select(DuesMonth.Text)), requestId, null, null, by, at);
        foreach (var (month, fen) in dueFen)
        {
            payment.PaidMonths.Add(new DuesPaidMonth(memberId, month, fen));
        }
        return payment;
    }

    public List<DuesPaidMonth> PaidMonths { get; } = [];

    /// <summary>Why this payment cannot be reversed: it is a reversal itself, or has been reversed already.</summary>
    public Error? WhyNotReversible(bool reversedAlready) =>
        IsReversal ? Error.Conflict("Dues.ReversalOfReversal")
        : reversedAlready ? Error.Conflict("Dues.AlreadyReversed", Id)
        : null;

    /// <summary>The reversing payment (check <see cref="WhyNotReversible"/> first); the caller removes the paid months.</summary>
    public DuesPayment Reverse(string reason, string by, DateTime at) =>
        new(MemberId, PayerMemberId, -AmountFen, Method, Months, null, Id, reason, by, at);
}
