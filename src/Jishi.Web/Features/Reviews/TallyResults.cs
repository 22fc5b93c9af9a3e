using System.Runtime.CompilerServices;
using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Reviews;

/// <summary>Turnout (any time) and results (after the close). Results read the tallies (BallotTally) the close decrypted
/// from the sums of the sealed ballots (<see cref="CloseReview"/>), a few dozen rows however many ballots there are.</summary>
public sealed class TallyResults(JishiDbContext db, ReviewQueries queries, TimeProvider clock)
{
    public async Task<Result<Turnout>> TurnoutAsync(int id, CancellationToken ct) =>
        await queries.FindAsync(id, ct) is { } campaign ? await CountAsync(campaign, ct) : Error.NotFound("Entity.Review");

    /// <summary>The campaign's turnout and state, again whenever either changes (checked every second), for the big
    /// screen. Ends when the campaign is no longer open or the client goes away.</summary>
    public async IAsyncEnumerable<LiveTurnout> WatchAsync(ReviewCampaign campaign, [EnumeratorCancellation] CancellationToken ct)
    {
        LiveTurnout? last = null;
        while (!ct.IsCancellationRequested)
        {
            var status = await db.ReviewCampaigns.AsNoTracking().Where(c => c.Id == campaign.Id).Select(c => c.Status).FirstAsync(ct);
            var now = new LiveTurnout(status, await CountAsync(campaign, ct));
            if (last is null || now.Status != last.Status || now.Turnout.Cast != last.Turnout.Cast || now.Turnout.Issued != last.Turnout.Issued)
            {
                yield return now;
                last = now;
            }
            if (status != ReviewStatus.Open && status != ReviewStatus.Draft)
            {
                yield break;
            }
            await Task.Delay(TimeSpan.FromSeconds(1), clock, ct);
        }
    }

    private async Task<Turnout> CountAsync(ReviewCampaign campaign, CancellationToken ct)
    {
        var id = campaign.Id;
        var issued = await db.BallotTokens.Where(t => t.CampaignId == id).GroupBy(t => t.VoterGroupId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var cast = await db.Ballots.Where(b => b.CampaignId == id).GroupBy(b => b.VoterGroupId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var groups = campaign.VoterGroups.OrderBy(g => g.Id)
            .Select(g => new TurnoutGroup(g.Id, g.Name, issued.GetValueOrDefault(g.Id), cast.GetValueOrDefault(g.Id))).ToList();
        return new Turnout(groups.Sum(g => g.Issued), groups.Sum(g => g.Cast), groups);
    }

    /// <summary>The receipt codes of every counted ballot, sorted, after the close: a voter finds his own and knows his
    /// ballot is in the count. Public, like the ballot itself.</summary>
    public async Task<Result<IReadOnlyList<string>>> ReceiptsAsync(int id, CancellationToken ct)
    {
        var status = await db.ReviewCampaigns.Where(c => c.Id == id).Select(c => (ReviewStatus?)c.Status).FirstOrDefaultAsync(ct);
        if (status is null)
        {
            return Error.NotFound("Entity.Review");
        }
        // The list goes out with the results, not before: a closed campaign's may still be checked by the street first.
        if (status is not ReviewStatus.Published)
        {
            return ReviewErrors.NotPublished;
        }
        return await db.Ballots.Where(b => b.CampaignId == id).Select(b => b.Receipt).OrderBy(r => r).ToListAsync(ct);
    }

    public async Task<Result<IReadOnlyList<SubjectResult>>> ResultsAsync(int id, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } campaign)
        {
            return Error.NotFound("Entity.Review");
        }
        if (!campaign.HasResults)
        {
            return ReviewErrors.NoResultsYet;
        }
        return await ResultsOfAsync(campaign, ct);
    }

    /// <summary>Everything the big screen and the summary show, from one read of the campaign: the campaign, its turnout
    /// and, once voting has closed, its results.</summary>
    public async Task<ReviewReport?> ReportAsync(int id, CancellationToken ct) =>
        await queries.FindAsync(id, ct) is { } campaign
            ? new ReviewReport(await queries.ToDtoAsync(campaign, ct), await CountAsync(campaign, ct),
                campaign.HasResults ? await ResultsOfAsync(campaign, ct) : null)
            : null;

    private async Task<List<SubjectResult>> ResultsOfAsync(ReviewCampaign campaign, CancellationToken ct)
    {
        var counts = await db.BallotTallies.Where(t => t.CampaignId == campaign.Id && t.Count > 0)
            .Select(t => new ReviewScoring.Count(t.SubjectId, t.VoterGroupId, t.Grade, t.Count, t.DimensionId))
            .ToListAsync(ct);
        var groups = campaign.VoterGroups.OrderBy(g => g.Id).Select(g => new ReviewScoring.GroupInput(g.Id, g.Weight)).ToList();
        var scores = ReviewScoring.Compute(
            campaign.Subjects.Select(s => new ReviewScoring.SubjectInput(s.Id, s.DailyScore, s.Veto)).ToList(),
            groups, counts, campaign.Scale, campaign.BallotWeight);
        // Every ballot rates every subject on every dimension: a group's ballots are the ratings of one slot. The tallies
        // are all that is left of earlier campaigns' ballots (ADR-015).
        var slotSubject = campaign.Subjects.Min(s => s.Id);
        var slotDimension = campaign.RatedDimensionIds[0];
        var ballots = counts.Where(c => c.SubjectId == slotSubject && c.DimensionId == slotDimension)
            .GroupBy(c => c.VoterGroupId).ToDictionary(g => g.Key, g => g.Sum(c => c.N));
        var names = campaign.Subjects.ToDictionary(s => s.Id, s => s.Name);
        var groupNames = campaign.VoterGroups.ToDictionary(g => g.Id, g => g.Name);
        return scores.Select(s => new SubjectResult(s.SubjectId, names[s.SubjectId],
            ByName(s.Counts), s.BallotScore, s.DailyScore, s.CompositeScore, s.Provisional, s.Band.Name(), s.Rank)
        {
            Groups = ReviewScoring.BreakDown(s.SubjectId, groups, ballots, counts, campaign.Scale)
                .Select(p => new GroupResult(p.VoterGroupId, groupNames[p.VoterGroupId], p.BrokenOut, p.BrokenOut ? p.Ballots : null,
                    p.Counts is { } c ? ByName(c) : null, p.Mean)).ToList(),
            FavourableRate = ReviewScoring.FavourableRate(s.Counts),
        }).ToList();
    }

    private static Dictionary<string, int> ByName(IReadOnlyDictionary<Grade, int> counts) => counts.ToDictionary(c => c.Key.Name(), c => c.Value);
}
