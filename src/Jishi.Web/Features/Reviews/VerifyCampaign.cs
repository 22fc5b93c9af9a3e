using Jishi.Web.Data;
using Jishi.Web.Features.Reviews.Sealing;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Reviews;

/// <summary>Checks a tallied campaign without any key (ADR-015), as anyone in the room may: every trustee's public share
/// proves knowledge of its secret; the ballot key is their sum; every stored ballot's tracker is the hash of its bytes and
/// every sealed choice proves it seals exactly one grade; the sums recomputed from the ballots are the stored sums; every
/// partial decryption proves it was made with its trustee's share; and the parts open each sum to the stored count.
/// <c>jishi verify-campaign ID</c> and GET /api/reviews/{id}/verify run it; GET /api/reviews/{id}/sealed gives the record.</summary>
public sealed class VerifyCampaign(JishiDbContext db, IStringLocalizer<SharedResource> text)
{
    public sealed record TrusteeRecord(string Name, string PublicShare);

    public sealed record BallotRecord(int VoterGroupId, string Receipt, string Sealed);

    public sealed record TallyRecord(int VoterGroupId, int SubjectId, int DimensionId, string Grade, int Count, string? Sum, string? Decryptions);

    /// <summary>The published record of a tally, bytes in base64; <see cref="Layout"/> is the order of a ballot's sealed choices.</summary>
    public sealed record Record(int ReviewId, string? Key, IReadOnlyList<TrusteeRecord> Trustees, IReadOnlyList<int[]> Layout,
        IReadOnlyList<BallotRecord> Ballots, IReadOnlyList<TallyRecord> Tallies);

    /// <param name="Ok">True when every check passed.</param>
    /// <param name="Problems">What failed, in Chinese, at most <see cref="MaxProblems"/>.</param>
    public sealed record Report(int ReviewId, bool Ok, int Ballots, int Sums, IReadOnlyList<string> Problems);

    public const int MaxProblems = 20;

    /// <summary>Public, once the results are published (the same moment as the receipts).</summary>
    public async Task<Result<Record>> RecordAsync(int id, CancellationToken ct) =>
        await db.ReviewCampaigns.AsNoTracking().Where(c => c.Id == id).Select(c => (ReviewStatus?)c.Status).FirstOrDefaultAsync(ct) switch
        {
            null => Error.NotFound("Entity.Review"),
            not ReviewStatus.Published => ReviewErrors.NotPublished,
            _ => await LoadAsync(id, ct),
        };

    public async Task<Result<Report>> HandleAsync(int id, CancellationToken ct)
    {
        var record = await RecordAsync(id, ct);
        return record.Error is { } error ? error : Check(record.Value!);
    }

    /// <summary>For the operator (the CLI): any tallied campaign, published or not; null when there is no such campaign.</summary>
    public async Task<Report?> CheckStoredAsync(int id, CancellationToken ct) =>
        await db.ReviewCampaigns.AnyAsync(c => c.Id == id && (c.Status == ReviewStatus.Closed || c.Status == ReviewStatus.Published), ct)
            ? Check(await LoadAsync(id, ct)) : null;

    private async Task<Record> LoadAsync(int id, CancellationToken ct)
    {
        var campaign = await db.ReviewCampaigns.AsNoTracking().Include(c => c.Subjects).Include(c => c.Dimensions).Include(c => c.Trustees)
            .AsSplitQuery().FirstAsync(c => c.Id == id, ct);
        var ballots = await db.Ballots.AsNoTracking().Where(b => b.CampaignId == id).OrderBy(b => b.Receipt)
            .Select(b => new BallotRecord(b.VoterGroupId, b.Receipt, Convert.ToBase64String(b.Sealed))).ToListAsync(ct);
        var tallies = (await db.BallotTallies.AsNoTracking().Where(t => t.CampaignId == id).ToListAsync(ct))
            .OrderBy(t => t.VoterGroupId).ThenBy(t => t.SubjectId).ThenBy(t => t.DimensionId).ThenBy(t => t.Grade)
            .Select(t => new TallyRecord(t.VoterGroupId, t.SubjectId, t.DimensionId, t.Grade.Name(), t.Count,
                t.Sum is null ? null : Convert.ToBase64String(t.Sum), t.Decryptions is null ? null : Convert.ToBase64String(t.Decryptions)))
            .ToList();
        return new Record(id, campaign.BallotKey is null ? null : Convert.ToBase64String(campaign.BallotKey),
            campaign.Trustees.OrderBy(t => t.Id).Select(t => new TrusteeRecord(t.Name, Convert.ToBase64String(t.PublicShare))).ToList(),
            SealedBallot.Layout(campaign).Select(l => new[] { l.SubjectId, l.DimensionId }).ToList(), ballots, tallies);
    }

    /// <summary>Every check of the record; pure, so a downloaded record can be checked the same way.</summary>
    public Report Check(Record record)
    {
        var problems = new List<string>();
        void Fail(string key, params object[] args)
        {
            if (problems.Count < MaxProblems)
            {
                problems.Add(text[key, args]);
            }
        }
        var ballots = record.Ballots.Count;
        if (record.Key is null || record.Tallies.Any(t => t.Sum is null))
        {
            Fail("Verify.NotSealed");
            return new Report(record.ReviewId, false, ballots, 0, problems);
        }
        var shares = record.Trustees.Select(t => (t.Name, Share: PublicShare.FromBytes(Convert.FromBase64String(t.PublicShare)))).ToList();
        foreach (var (name, share) in shares.Where(s => !s.Share.Verify(SealedBallot.TrusteeContext(record.ReviewId, s.Name))))
        {
            Fail("Verify.TrusteeProof", name.Length == 0 ? text["Sealing.ServerTrustee"].Value : name);
        }
        var key = JointKey.Combine(shares.Select(s => s.Share).ToList());
        if (!key.ToBytes().AsSpan().SequenceEqual(Convert.FromBase64String(record.Key)))
        {
            Fail("Verify.Key");
        }
        var layout = record.Layout.Select(l => (SubjectId: l[0], DimensionId: l[1])).ToList();
        var choices = new Dictionary<(int Group, int Slot), List<byte[]>>();
        foreach (var ballot in record.Ballots)
        {
            var sealedBytes = Convert.FromBase64String(ballot.Sealed);
            if (SealedBallot.Tracker(sealedBytes) != ballot.Receipt)
            {
                Fail("Verify.Tracker", ballot.Receipt);
            }
            if (sealedBytes.Length != layout.Count * SealedBallot.ChoiceLength)
            {
                Fail("Verify.BallotLength", ballot.Receipt);
                continue;
            }
            for (var slot = 0; slot < layout.Count; slot++)
            {
                var bytes = SealedBallot.Choice(sealedBytes, slot);
                if (!ChoiceValid(bytes, key, SealedBallot.ChoiceContext(record.ReviewId, layout[slot].SubjectId, layout[slot].DimensionId)))
                {
                    Fail("Verify.ChoiceProof", ballot.Receipt);
                }
                (choices.TryGetValue((ballot.VoterGroupId, slot), out var list) ? list : choices[(ballot.VoterGroupId, slot)] = []).Add(bytes);
            }
        }
        var slots = layout.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i);
        var keys = record.Tallies.Select(t => (t.VoterGroupId, Slot: slots.GetValueOrDefault((t.SubjectId, t.DimensionId), -1))).Distinct().ToList();
        var sums = Tally.SumChoices([.. keys.Select(k => (IReadOnlyList<byte[]>)(choices.GetValueOrDefault((k.VoterGroupId, k.Slot)) ?? []))], SealedBallot.Grades);
        var log = new DiscreteLog(Math.Max(ballots, 0));
        foreach (var tally in record.Tallies)
        {
            var at = keys.IndexOf((tally.VoterGroupId, slots.GetValueOrDefault((tally.SubjectId, tally.DimensionId), -1)));
            var grade = Grades.TryParse(tally.Grade, out var g) ? g : Grade.Poor;
            var sum = sums[at][(int)grade];
            if (!sum.ToBytes().AsSpan().SequenceEqual(Convert.FromBase64String(tally.Sum!)))
            {
                Fail("Verify.Sum", tally.VoterGroupId, tally.SubjectId, tally.Grade);
                continue;
            }
            var raw = Convert.FromBase64String(tally.Decryptions ?? "");
            var parts = raw.Chunk(PartialDecryption.Length).Select(p => PartialDecryption.FromBytes(p)).ToList();
            var context = SealedBallot.SumContext(record.ReviewId, tally.VoterGroupId, tally.SubjectId, tally.DimensionId, grade);
            var count = 0;
            var opened = parts.Count == 0
                ? sum.Equals(Ciphertext.Zero)
                : parts.Count == shares.Count && parts.Select((p, i) => p.Verify(shares[i].Share.Point, sum, context)).All(ok => ok)
                    && PartialDecryption.TryCombine(sum, parts, log, out count);
            if (!opened || count != tally.Count)
            {
                Fail("Verify.Count", tally.VoterGroupId, tally.SubjectId, tally.Grade, tally.Count);
            }
        }
        return new Report(record.ReviewId, problems.Count == 0, ballots, record.Tallies.Count, problems);
    }

    private static bool ChoiceValid(byte[] bytes, JointKey key, byte[] context)
    {
        try
        {
            return SealedChoice.FromBytes(bytes, SealedBallot.Grades).Verify(key, context);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
