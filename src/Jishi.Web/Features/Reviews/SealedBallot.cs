using System.Text;
using Jishi.Web.Features.Reviews.Sealing;

namespace Jishi.Web.Features.Reviews;

/// <summary>How a 述职评议 ballot is sealed (ADR-015): one <see cref="SealedChoice"/> of the four grades per subject and
/// dimension, in the campaign's fixed <see cref="Layout"/>, each bound to its campaign, subject and dimension; the ballot is
/// their concatenation and its receipt the tracker of those bytes.</summary>
public static class SealedBallot
{
    /// <summary>The tracker's text, three blocks of four (<see cref="BallotTracker"/>).</summary>
    public const int TrackerLength = 14;

    public static readonly int Grades = Enum.GetValues<Grade>().Length;

    public static int ChoiceLength => SealedChoice.LengthFor(Grades);

    /// <summary>What a ballot rates, in order: subjects by id, each on the campaign's rated dimensions in order. Fixed once
    /// voting opens (subjects and dimensions cannot change after Draft).</summary>
    public static IReadOnlyList<(int SubjectId, int DimensionId)> Layout(ReviewCampaign campaign) =>
        campaign.Subjects.OrderBy(s => s.Id).SelectMany(s => campaign.RatedDimensionIds.Select(d => (s.Id, d))).ToList();

    public static byte[] ChoiceContext(int campaignId, int subjectId, int dimensionId) =>
        Encoding.UTF8.GetBytes($"jishi/review/{campaignId}/subject/{subjectId}/dimension/{dimensionId}");

    public static byte[] TrusteeContext(int campaignId, string trusteeName) =>
        Encoding.UTF8.GetBytes($"jishi/review/{campaignId}/trustee/{trusteeName.Trim()}");

    /// <summary>The context of one decrypted sum: campaign, voter group, slot and grade.</summary>
    public static byte[] SumContext(int campaignId, int voterGroupId, int subjectId, int dimensionId, Grade grade) =>
        Encoding.UTF8.GetBytes($"jishi/review/{campaignId}/group/{voterGroupId}/subject/{subjectId}/dimension/{dimensionId}/grade/{(int)grade}");

    /// <summary>The joint key of the trustees' public shares (<see cref="ReviewCampaign.Open"/> stores it).</summary>
    public static byte[] JointKey(IReadOnlyList<byte[]> publicShares) =>
        Sealing.JointKey.Combine(publicShares.Select(p => PublicShare.FromBytes(p)).ToList()).ToBytes();

    /// <summary>Seals checked ratings (one per slot of the layout) to the campaign's key, in memory: the plaintext is never written.</summary>
    public static byte[] Seal(ReviewCampaign campaign, Sealing.JointKey key, IReadOnlyList<(int SubjectId, int DimensionId, Grade Grade)> ratings)
    {
        var layout = Layout(campaign);
        var grades = ratings.ToDictionary(r => (r.SubjectId, r.DimensionId), r => r.Grade);
        var bytes = new byte[layout.Count * ChoiceLength];
        for (var i = 0; i < layout.Count; i++)
        {
            var (subjectId, dimensionId) = layout[i];
            SealedChoice.Seal((int)grades[(subjectId, dimensionId)], Grades, key, ChoiceContext(campaign.Id, subjectId, dimensionId))
                .ToBytes().CopyTo(bytes, i * ChoiceLength);
        }
        return bytes;
    }

    /// <summary>The sealed choice of slot <paramref name="slot"/> of a ballot's bytes.</summary>
    public static byte[] Choice(byte[] sealedBallot, int slot) => sealedBallot.AsSpan(slot * ChoiceLength, ChoiceLength).ToArray();

    public static string Tracker(byte[] sealedBallot) => BallotTracker.Of(sealedBallot).Text;

    /// <summary>A receipt as a voter types it (any case, with or without the dashes), in the stored form.</summary>
    public static string NormalizedReceipt(string typed) => Base32.Grouped(Base32.Normalized(typed));
}
