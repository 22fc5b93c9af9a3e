namespace Jishi.Web.Features.Dues;

/// <summary>A payment or reversal as the API shows it; amounts in yuan with two decimals.</summary>
public sealed record DuesPaymentDto(long Id, int MemberId, int? PayerMemberId, IReadOnlyList<string> Months, decimal Amount,
    DuesMethod Method,
    string? RequestId, long? ReversalOf, string? Reason, string RecordedBy, DateTime RecordedAt);

public static class DuesDtos
{
    public static DuesPaymentDto AsDto(this DuesPayment p) => new(p.Id, p.MemberId, p.PayerMemberId,
        p.Months.Split(',', StringSplitOptions.RemoveEmptyEntries), DuesStandard.Yuan(p.AmountFen), p.Method, p.RequestId, p.ReversalOf,
        p.Reason, p.RecordedBy, p.RecordedAt);
}
