using System.Text;
using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Reviews;

/// <summary>Writes ballots by group commit: requests queue their checked ballot, one loop stores whatever has queued in
/// one transaction and then answers each request. A ballot is acknowledged only after its transaction committed, so
/// nothing answered 201 can be lost; the token is still spent by a conditional update inside that transaction, so one
/// token never yields two ballots, within a batch, across batches or across server instances. One disk flush per batch
/// instead of per ballot is what lets a meeting hall vote at once on SQLite (see bench/README.md).</summary>
public sealed class BallotWriter(IServiceScopeFactory scopes, ILogger<BallotWriter> log) : GroupCommitWriter<BallotWriter.Pending, Error?>(log)
{
    public sealed record Pending(long TokenId, int CampaignId, Ballot Ballot);

    /// <summary>Stores the ballot and spends its token; null when stored, else why not. Once queued the outcome no longer
    /// depends on the caller: a voter who closes the page does not leave a half-cast ballot.</summary>
    public Task<Error?> WriteAsync(long tokenId, int campaignId, Ballot ballot, CancellationToken ct) =>
        EnqueueAsync(new Pending(tokenId, campaignId, ballot), ct);

    protected override async Task<Error?[]> CommitAsync(List<Pending> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JishiDbContext>();
        var outcomes = new Error?[batch.Count];
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The campaign may have closed since the request read it; the check inside the transaction is the one that counts.
        // On PostgreSQL the campaign rows are share-locked until commit, so a close (which locks them for update, see
        // CloseReview) either waits for this batch and counts it, or commits first and this batch sees it closed: no
        // acknowledged ballot misses the tally. SQLite's writers are serialized by its write lock, taken at BEGIN.
        var campaignIds = batch.Select(p => p.CampaignId).Distinct().Order().ToArray();
        if (!db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"ReviewCampaigns\" WHERE \"Id\" = ANY({campaignIds}) ORDER BY \"Id\" FOR SHARE", ct);
        }
        var open = await db.ReviewCampaigns.Where(c => campaignIds.Contains(c.Id) && c.Status == ReviewStatus.Open).Select(c => c.Id).ToListAsync(ct);
        var spent = await OneTimeTokens.SpendAsync(db, "BallotTokens", batch.Where(p => open.Contains(p.CampaignId)).Select(p => p.TokenId).Distinct().ToList(), ct);
        var stored = new List<Ballot>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var pending = batch[i];
            // Remove: of two submissions of one token in the same batch, only the first gets the ballot.
            outcomes[i] = !open.Contains(pending.CampaignId) ? ReviewErrors.NotOpen
                : !spent.Remove(pending.TokenId) ? ReviewErrors.TokenUsed
                : null;
            if (outcomes[i] is null)
            {
                stored.Add(pending.Ballot);
            }
        }
        // In random order, so that not even PostgreSQL's heap keeps the order of casting within a batch (ADR-015). No
        // running tally: turnout is the only live figure, and the sums are taken on the ciphertexts at the close.
        System.Security.Cryptography.RandomNumberGenerator.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(stored));
        await InsertAsync(db, stored, ct);
        // Paper entries of a spent token go in the same transaction: once a ballot counts, no row links its token to
        // ratings, and a crash cannot leave one behind (ADR-006).
        var tokenIds = batch.Where((_, i) => outcomes[i] is null).Select(p => p.TokenId).ToList();
        await db.PaperEntries.Where(e => tokenIds.Contains(e.TokenId)).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return outcomes;
    }

    // The statements below are plain SQL, one per batch (or per few hundred rows), because the writer is the one serial
    // step of voting: per-row tracked inserts and per-token updates cost it about 0.8 ms a ballot (bench/README.md).
    // Table and column names are EF's defaults (see the migrations); values go in as parameters, which EF maps per
    // provider (a DateOnly as TEXT or date, the sealed bytes as BLOB or bytea).

    private static Task InsertAsync(JishiDbContext db, List<Ballot> ballots, CancellationToken ct) =>
        InsertRowsAsync(db, "\"SealedBallots\" (\"Id\", \"CampaignId\", \"VoterGroupId\", \"CastOn\", \"Sealed\", \"Receipt\")",
            ballots.Select(b => new object[] { b.Id, b.CampaignId, b.VoterGroupId, b.CastOn, b.Sealed, b.Receipt }), ct);

    /// <summary>Multi-row INSERT … VALUES, a few hundred rows a statement (well under both databases' parameter limits).</summary>
    private static async Task InsertRowsAsync(JishiDbContext db, string into, IEnumerable<object[]> rows, CancellationToken ct)
    {
        foreach (var chunk in rows.Chunk(400))
        {
            var sql = new StringBuilder("INSERT INTO ").Append(into).Append(" VALUES ");
            var args = new List<object>(chunk.Length * chunk[0].Length);
            foreach (var row in chunk)
            {
                sql.Append(args.Count == 0 ? "(" : ", (");
                for (var c = 0; c < row.Length; c++)
                {
                    sql.Append(c == 0 ? "" : ", ").Append('{').Append(args.Count).Append('}');
                    args.Add(row[c]);
                }
                sql.Append(')');
            }
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
        }
    }
}
