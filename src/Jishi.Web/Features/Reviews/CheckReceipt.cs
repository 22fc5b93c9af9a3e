using Jishi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Reviews;

/// <summary>A voter looks up the 回执码 a phone ballot gave them in the published lists: found means the ballot is in the
/// count. Only published campaigns are searched, so nothing is listed before the results are out.</summary>
public sealed class CheckReceipt(JishiDbContext db)
{
    /// <param name="Titles">The published campaigns whose list holds the code; empty when none does.</param>
    public sealed record Answer(string Code, IReadOnlyList<string> Titles);

    public async Task<Answer> HandleAsync(string code, CancellationToken ct)
    {
        var normalized = SealedBallot.NormalizedReceipt(code);
        var published = await db.ReviewCampaigns.Where(c => c.Status == ReviewStatus.Published).Select(c => c.Id).ToListAsync(ct);
        var titles = await db.Ballots.Where(b => published.Contains(b.CampaignId) && b.Receipt == normalized)
            .Join(db.ReviewCampaigns, b => b.CampaignId, c => c.Id, (_, c) => c.Title).Distinct().ToListAsync(ct);
        return new Answer(normalized, titles);
    }
}
