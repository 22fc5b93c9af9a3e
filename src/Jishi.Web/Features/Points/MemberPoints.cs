namespace Jishi.Web.Features.Points;

/// <summary>A member's balances for one year, stored so that pages and leaderboards read one row; changed only in the
/// transaction that changes the ledger (<see cref="PointsLedger"/>), and recomputable from it (<see cref="VerifyLedger"/>),
/// and, for <see cref="Redeemed"/>, by the shops' spending and refunds (<see cref="PointsBalances"/>).
/// The assessment score (考评积分) is base + approved points, 0 under a veto, and spending never lowers it; the spendable
/// balance (可兑换积分) is approved points minus redemptions, and a new year starts a new row, so unspent points lapse.</summary>
public sealed class MemberPoints
{
    private MemberPoints() { }

    public MemberPoints(int memberId, int year, decimal baseScore)
    {
        MemberId = memberId;
        Year = year;
        BaseScore = baseScore;
        AssessmentScore = baseScore;
    }

    public int Id { get; private set; }
    public int MemberId { get; private set; }
    public int Year { get; private set; }
    public decimal BaseScore { get; private set; }

    /// <summary>The approved points of the year, deductions and reversals included.</summary>
    public decimal Earned { get; private set; }

    /// <summary>Approved veto entries less their reversals.</summary>
    public int Vetoes { get; private set; }

    public decimal Redeemed { get; private set; }

    /// <summary>Stored (not computed on read) so that a leaderboard sorts in the database.</summary>
    public decimal AssessmentScore { get; private set; }

    public decimal Spendable => Earned - Redeemed;

    public static decimal ScoreOf(decimal baseScore, decimal earned, int vetoes) => vetoes > 0 ? 0 : baseScore + earned;

    /// <summary>Counts an approved entry (or a reversal) of this member and year.</summary>
    public void Count(LedgerEntry entry)
    {
        if (entry.MemberId != MemberId || entry.Year != Year || entry.Status != EntryStatus.Approved)
        {
            throw new InvalidOperationException("An approved entry of this member and year.");
        }
        Earned += entry.Counted;
        Vetoes += entry.VetoWeight;
        AssessmentScore = ScoreOf(BaseScore, Earned, Vetoes);
    }

    /// <summary>Whether the stored figures match what the ledger says (see <see cref="VerifyLedger"/>).</summary>
    public bool Matches(decimal earned, int vetoes) =>
        Earned == earned && Vetoes == vetoes && AssessmentScore == ScoreOf(BaseScore, earned, vetoes);
}
