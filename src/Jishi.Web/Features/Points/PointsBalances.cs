using Jishi.Web.Data;
using Jishi.Web.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Points;

/// <summary>Spending and refunding a member's points of a year (the shops' redemptions): the only writes of
/// <see cref="MemberPoints.Redeemed"/>. They run in the caller's transaction, which holds the member's write lock
/// (<see cref="MemberWriteLock"/>, or a batch's), and are conditional UPDATEs (… WHERE Earned − Redeemed ≥ points,
/// … WHERE Redeemed ≥ points), so the spendable balance never goes below zero and a refund never gives back more than was
/// spent, whatever else runs.</summary>
public static class PointsBalances
{
    /// <summary>Spends <paramref name="points"/> of the member's <paramref name="year"/>; false, and nothing spent, when the
    /// year's spendable balance is smaller (or the member has no balance that year).</summary>
    public static async Task<bool> SpendAsync(JishiDbContext db, int memberId, int year, decimal points, CancellationToken ct)
    {
        var hundredths = ToHundredths(points);
        return await db.Database.ExecuteSqlAsync(
            $"UPDATE \"MemberPoints\" SET \"Redeemed\" = \"Redeemed\" + {hundredths} WHERE \"MemberId\" = {memberId} AND \"Year\" = {year} AND \"Earned\" - \"Redeemed\" >= {hundredths}",
            ct) == 1;
    }

    /// <summary>Gives back <paramref name="points"/> spent from the member's <paramref name="year"/> (a cancelled redemption,
    /// or a basket refused after its points were taken). Throws, so that the caller's transaction rolls back, when that
    /// year's balance has not spent as much: points are never created by a refund.</summary>
    public static async Task RefundAsync(JishiDbContext db, int memberId, int year, decimal points, CancellationToken ct)
    {
        var hundredths = ToHundredths(points);
        if (await db.Database.ExecuteSqlAsync(
                $"UPDATE \"MemberPoints\" SET \"Redeemed\" = \"Redeemed\" - {hundredths} WHERE \"MemberId\" = {memberId} AND \"Year\" = {year} AND \"Redeemed\" >= {hundredths}",
                ct) != 1)
        {
            throw new InvalidOperationException($"A refund of {points} points that member {memberId} did not spend in {year}.");
        }
    }

    /// <summary>What the member may still spend of <paramref name="year"/>: 0 without a balance that year.</summary>
    public static async Task<decimal> SpendableAsync(JishiDbContext db, int memberId, int year, CancellationToken ct) =>
        (await db.MemberPoints.AsNoTracking().FirstOrDefaultAsync(m => m.MemberId == memberId && m.Year == year, ct))?.Spendable ?? 0m;

    /// <summary>Points as stored (<see cref="Hundredths"/>).</summary>
    private static long ToHundredths(decimal points) => (long)Hundredths.Converter.ConvertToProvider(points)!;
}
