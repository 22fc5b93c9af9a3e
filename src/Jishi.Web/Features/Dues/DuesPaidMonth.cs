namespace Jishi.Web.Features.Dues;

/// <summary>A month of a member that is paid, and by which payment: one row per member and month (its key), so a month is
/// never paid twice, even by two requests at once. The row goes when its payment is reversed; the payments keep the history.</summary>
public sealed class DuesPaidMonth
{
    private DuesPaidMonth() { }

    public DuesPaidMonth(int memberId, int month, long dueFen) => (MemberId, Month, DueFen) = (memberId, month, dueFen);

    public int MemberId { get; private set; }

    /// <summary>yyyyMM (<see cref="DuesMonth"/>).</summary>
    public int Month { get; private set; }

    public long PaymentId { get; private set; }

    /// <summary>What the month was paid at, in fen.</summary>
    public long DueFen { get; private set; }
}
