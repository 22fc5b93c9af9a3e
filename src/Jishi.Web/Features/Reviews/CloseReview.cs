using Jishi.Web.Data;
using Jishi.Web.Features.Reviews.Sealing;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Jishi.Web.Features.Reviews;

/// <summary>POST /api/reviews/{id}/close: stops voting and tallies the sealed ballots (ADR-015), in one transaction. The
/// ciphertexts are added per voter group, subject, dimension and grade; each trustee's share (given in the request, or the
/// server's own) decrypts only these sums, with a proof per part; the counts become the tallies the results read, the
/// parts are kept beside them for anyone to check, and the server's share and the token key are destroyed. Without every
/// trustee's share nothing is closed (409).</summary>
public sealed class CloseReview(JishiDbContext db, ReviewQueries queries, IMemoryCache cache)
{
    /// <param name="Shares">The trustees' secret shares as printed (any order, spaces and dashes allowed).</param>
    public sealed record Request(IReadOnlyList<string>? Shares);

    public async Task<Result<ReviewDto>> HandleAsync(int id, Request? request, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } campaign)
        {
            return Error.NotFound("Entity.Review");
        }
        if (campaign.Status != ReviewStatus.Open)
        {
            return ReviewErrors.WrongState(campaign.Status, "Review.Action.Close");
        }
        var shares = SharesOf(campaign, request?.Shares ?? []);
        if (shares.Error is { } refused)
        {
            return refused;
        }
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            if (!db.Database.IsSqlite())
            {
                // Waits for a ballot batch that has share-locked the campaign (BallotWriter), so its ballots are counted.
                await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"ReviewCampaigns\" WHERE \"Id\" = {id} FOR UPDATE", ct);
            }
            if (campaign.Close() is { } error)
            {
                return error;
            }
            await db.SaveChangesAsync(ct);
            var ballots = await db.Ballots.AsNoTracking().Where(b => b.CampaignId == id).Select(b => new { b.VoterGroupId, b.Sealed }).ToListAsync(ct);
            db.BallotTallies.AddRange(TallyOf(campaign, ballots.Select(b => (b.VoterGroupId, b.Sealed)).ToList(), shares.Value!.Select(s => s.Share).ToList()));
            campaign.Tallied();
            await db.SaveChangesAsync(ct);
            await RewriteInKeyOrderAsync(id, ct);
            await tx.CommitAsync(ct);
        }
        if (db.Database.IsSqlite())
        {
            // The log's copies of the meeting's pages (the token key among them) go into the file, where secure_delete has
            // zeroed what was freed, and the log is emptied.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", ct);
        }
        CastBallot.Forget(cache, id);
        return await queries.ToDtoAsync(campaign, ct);
    }

    /// <summary>Writes the campaign's ballots again, in key order, in the close's transaction: every row then has the same
    /// transaction id on PostgreSQL and its place (heap, TOAST, SQLite's overflow pages) follows the random key, not the
    /// order in which ballots were cast. The freed rows are zeroed by secure_delete on SQLite and reclaimed by (auto)vacuum on PostgreSQL.</summary>
    private async Task RewriteInKeyOrderAsync(int id, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"CREATE TEMP TABLE \"CastBallots\" AS SELECT * FROM \"SealedBallots\" WHERE \"CampaignId\" = {id}", ct);
        await db.Database.ExecuteSqlAsync($"DELETE FROM \"SealedBallots\" WHERE \"CampaignId\" = {id}", ct);
        await db.Database.ExecuteSqlRawAsync("INSERT INTO \"SealedBallots\" SELECT * FROM \"CastBallots\" ORDER BY \"Id\"", ct);
        await db.Database.ExecuteSqlRawAsync("DROP TABLE \"CastBallots\"", ct);
    }

    /// <summary>Each trustee's secret share, in trustee order: the server's own, or the one given whose public part is theirs.</summary>
    private static Result<List<(ReviewTrustee Trustee, TrusteeShare Share)>> SharesOf(ReviewCampaign campaign, IReadOnlyList<string> texts)
    {
        var given = new List<TrusteeShare>();
        var problems = new List<FieldProblem>();
        foreach (var (text, i) in texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select((t, i) => (t, i + 1)))
        {
            if (TrusteeShare.TryParse(text, out var share, out var why))
            {
                given.Add(share);
            }
            else
            {
                problems.Add(new FieldProblem("shares", "Sealing.ShareText." + why, i));
            }
        }
        var matched = new List<(ReviewTrustee, TrusteeShare)>();
        var missing = new List<string>();
        foreach (var trustee in campaign.Trustees.OrderBy(t => t.Id))
        {
            var point = PublicShare.FromBytes(trustee.PublicShare).Point;
            var share = trustee.ServerSecret is { } own && TrusteeShare.TryParse(own, out var kept, out _) ? kept
                : given.FirstOrDefault(s => s.PublicKey.Equals(point));
            if (share is null)
            {
                missing.Add(trustee.Name);
            }
            else
            {
                given.Remove(share);
                matched.Add((trustee, share));
            }
        }
        problems.AddRange(given.Select(_ => new FieldProblem("shares", "Sealing.ShareUnknown")));
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        return missing.Count > 0 ? Error.Conflict("Sealing.SharesNeeded", string.Join("、", missing), missing.Count) : matched;
    }

    /// <summary>The tallies of a campaign's sealed ballots: the sums per group, slot and grade, opened by the trustees' shares
    /// (in trustee id order), each with its parts.</summary>
    internal static List<BallotTally> TallyOf(ReviewCampaign campaign, IReadOnlyList<(int VoterGroupId, byte[] Sealed)> ballots, IReadOnlyList<TrusteeShare> shares)
    {
        var layout = SealedBallot.Layout(campaign);
        var groups = campaign.VoterGroups.OrderBy(g => g.Id).ToList();
        var byGroup = groups.Select(g => ballots.Where(b => b.VoterGroupId == g.Id).Select(b => b.Sealed).ToList()).ToList();
        var sums = Tally.SumChoices([.. from g in byGroup from slot in Enumerable.Range(0, layout.Count)
                                        select (IReadOnlyList<byte[]>)g.Select(b => SealedBallot.Choice(b, slot)).ToList()],
            SealedBallot.Grades);
        var log = new DiscreteLog(byGroup.Max(g => g.Count));
        var tallies = new List<BallotTally>();
        for (var gi = 0; gi < groups.Count; gi++)
        {
            for (var slot = 0; slot < layout.Count; slot++)
            {
                var (subjectId, dimensionId) = layout[slot];
                var counted = 0;
                foreach (var grade in Enum.GetValues<Grade>())
                {
                    var sum = sums[gi * layout.Count + slot][(int)grade];
                    var context = SealedBallot.SumContext(campaign.Id, groups[gi].Id, subjectId, dimensionId, grade);
                    var parts = byGroup[gi].Count == 0 ? [] : shares.Select(s => PartialDecryption.Create(s, sum, context)).ToList();
                    var count = 0;
                    if (parts.Count > 0 && !PartialDecryption.TryCombine(sum, parts, log, out count))
                    {
                        throw new InvalidOperationException($"The sum of campaign {campaign.Id}, group {groups[gi].Id}, slot {slot}, grade {grade} does not decrypt to a count.");
                    }
                    counted += count;
                    tallies.Add(new BallotTally(campaign.Id, subjectId, groups[gi].Id, dimensionId, grade, count)
                    {
                        Sum = sum.ToBytes(),
                        Decryptions = [.. parts.SelectMany(p => p.ToBytes())],
                    });
                }
                if (counted != byGroup[gi].Count)
                {
                    // Each ballot seals exactly one grade per slot (its proofs say so): anything else is a stored ballot altered.
                    throw new InvalidOperationException($"Slot {slot} of group {groups[gi].Id} counts {counted} grades for {byGroup[gi].Count} ballots.");
                }
            }
        }
        return tallies;
    }
}
