using Jishi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Points;

/// <summary>Recomputes every balance row from the ledger (approved points and vetoes per member and year, summed in the
/// database) and lists each row that differs, including a year with entries but no row. It must find none: rows change only
/// in the transaction of their entries.</summary>
public sealed class VerifyLedger(JishiDbContext db)
{
    public sealed record Difference(int MemberId, int Year, decimal StoredEarned, decimal LedgerEarned, int StoredVetoes, int LedgerVetoes,
        decimal StoredScore, decimal ExpectedScore, decimal StoredRedeemed = 0, decimal LiveRedeemed = 0);

    public sealed record Report(int Balances, int Entries, IReadOnlyList<Difference> Differences);

    public async Task<Report> HandleAsync(CancellationToken ct)
    {
        var ledger = await db.LedgerEntries.AsNoTracking().Where(e => e.Status == EntryStatus.Approved)
            .GroupBy(e => new { e.MemberId, e.Year })
            .Select(g => new
            {
                g.Key.MemberId,
                g.Key.Year,
                Earned = g.Sum(e => e.Granted),
                Vetoes = g.Sum(e => e.IsVeto ? (e.ReversalOf == null ? 1 : -1) : 0),
            })
            .ToDictionaryAsync(g => (g.MemberId, g.Year), ct);
        // Redeemed is the sum of the year's redemptions that were not cancelled (Features/Shops).
        var redeemed = (await db.Redemptions.AsNoTracking().Where(r => r.Status != Shops.RedemptionStatus.Cancelled)
                .Select(r => new { r.MemberId, r.Year, r.PointsSpent }).ToListAsync(ct))
            .GroupBy(r => (r.MemberId, r.Year)).ToDictionary(g => g.Key, g => g.Sum(r => r.PointsSpent));
        var differences = new List<Difference>();
        var balances = 0;
        await foreach (var row in db.MemberPoints.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            balances++;
            var (earned, vetoes) = ledger.Remove((row.MemberId, row.Year), out var sums) ? (sums.Earned, sums.Vetoes) : (0m, 0);
            var spent = redeemed.Remove((row.MemberId, row.Year), out var sum) ? sum : 0m;
            if (!row.Matches(earned, vetoes) || row.Redeemed != spent)
            {
                differences.Add(new(row.MemberId, row.Year, row.Earned, earned, row.Vetoes, vetoes, row.AssessmentScore,
                    MemberPoints.ScoreOf(row.BaseScore, earned, vetoes), row.Redeemed, spent));
            }
        }
        differences.AddRange(ledger.Values.Where(g => g.Earned != 0 || g.Vetoes != 0)
            .Select(g => new Difference(g.MemberId, g.Year, 0, g.Earned, 0, g.Vetoes, 0, MemberPoints.ScoreOf(RuleSet.DefaultBaseScore, g.Earned, g.Vetoes))));
        differences.AddRange(redeemed.Where(r => r.Value != 0)
            .Select(r => new Difference(r.Key.MemberId, r.Key.Year, 0, 0, 0, 0, 0, 0, 0, r.Value)));
        return new Report(balances, await db.LedgerEntries.CountAsync(ct), differences.OrderBy(d => d.MemberId).ThenBy(d => d.Year).ToList());
    }
}
