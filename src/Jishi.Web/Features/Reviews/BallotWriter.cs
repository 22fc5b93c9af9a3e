using System.Threading.Channels;
using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Reviews;

/// <summary>Writes ballots by group commit: requests queue their checked ballot, one loop stores whatever has queued in
/// one transaction and then answers each request. A ballot is acknowledged only after its transaction committed, so
/// nothing answered 201 can be lost; the token is still spent by a conditional update inside that transaction, so one
/// token never yields two ballots, within a batch, across batches or across server instances. One disk flush per batch
/// instead of per ballot is what lets a meeting hall vote at once on SQLite (see bench/README.md).</summary>
public sealed class BallotWriter(IServiceScopeFactory scopes, ILogger<BallotWriter> log) : BackgroundService
{
    private const int MaxBatch = 256;

    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private sealed record Pending(long TokenId, int CampaignId, Ballot Ballot, TaskCompletionSource<Error?> Done);

    /// <summary>Stores the ballot and spends its token; null when stored, else why not. Once queued the outcome no longer
    /// depends on the caller: a voter who closes the page does not leave a half-cast ballot.</summary>
    public async Task<Error?> WriteAsync(long tokenId, int campaignId, Ballot ballot, CancellationToken ct)
    {
        var pending = new Pending(tokenId, campaignId, ballot, new TaskCompletionSource<Error?>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, ct);
        return await pending.Done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }
            try
            {
                var outcomes = await CommitAsync(batch, stoppingToken);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(outcomes[i]);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "A batch of {Count} ballots could not be stored; none of them was acknowledged", batch.Count);
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(e);
                }
            }
        }
    }

    private async Task<Error?[]> CommitAsync(List<Pending> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JishiDbContext>();
        var outcomes = new Error?[batch.Count];
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The campaign may have closed since the request read it; the check inside the transaction is the one that counts.
        var campaignIds = batch.Select(p => p.CampaignId).Distinct().ToList();
        var open = await db.ReviewCampaigns.Where(c => campaignIds.Contains(c.Id) && c.Status == ReviewStatus.Open).Select(c => c.Id).ToListAsync(ct);
        for (var i = 0; i < batch.Count; i++)
        {
            var pending = batch[i];
            if (!open.Contains(pending.CampaignId))
            {
                outcomes[i] = ReviewErrors.NotOpen;
                continue;
            }
            var taken = await db.BallotTokens.Where(t => t.Id == pending.TokenId && !t.Used)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Used, true), ct);
            if (taken != 1)
            {
                outcomes[i] = ReviewErrors.TokenUsed;
                continue;
            }
            db.Ballots.Add(pending.Ballot);
        }
        await db.SaveChangesAsync(ct);
        await CountAsync(db, batch.Where((_, i) => outcomes[i] is null).Select(p => p.Ballot), ct);
        // Paper entries of a spent token go in the same transaction: once a ballot counts, no row links its token to
        // ratings, and a crash cannot leave one behind (ADR-006).
        var spent = batch.Where((_, i) => outcomes[i] is null).Select(p => p.TokenId).ToList();
        await db.PaperEntries.Where(e => spent.Contains(e.TokenId)).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return outcomes;
    }

    /// <summary>Adds the stored ballots to the running tallies: one update per subject, group, dimension and grade of the batch.</summary>
    private static async Task CountAsync(JishiDbContext db, IEnumerable<Ballot> stored, CancellationToken ct)
    {
        var counts = stored.SelectMany(b => b.Ratings.Select(r => (b.CampaignId, r.SubjectId, b.VoterGroupId, r.DimensionId, r.Grade)))
            .GroupBy(k => k).Select(g => (Key: g.Key, N: g.Count()));
        foreach (var ((campaignId, subjectId, groupId, dimensionId, grade), n) in counts)
        {
            var updated = await db.BallotTallies
                .Where(t => t.CampaignId == campaignId && t.SubjectId == subjectId && t.VoterGroupId == groupId
                    && t.DimensionId == dimensionId && t.Grade == grade)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Count, t => t.Count + n), ct);
            if (updated == 0)
            {
                // A campaign opened before tallies existed has no rows yet.
                db.BallotTallies.Add(new BallotTally(campaignId, subjectId, groupId, dimensionId, grade, n));
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
