using System.Security.Cryptography;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Reviews;

/// <summary>One evaluator's sealed ballot: every rating encrypted to the campaign's key (<see cref="SealedBallot"/>), with no
/// token, no account and no time finer than the day. Nothing in the row says in which order ballots were cast (ADR-015):
/// the key is random (on SQLite it is the rowid, so the table is stored in key order) and there is no plaintext.</summary>
[NotAudited]
public sealed class Ballot
{
    private Ballot() { }

    public Ballot(int campaignId, int voterGroupId, DateOnly castOn, byte[] sealedRatings)
    {
        Id = NewId();
        CampaignId = campaignId;
        VoterGroupId = voterGroupId;
        CastOn = castOn;
        Sealed = sealedRatings;
        Receipt = SealedBallot.Tracker(sealedRatings);
    }

    /// <summary>Random and positive, so that the order of ballots cannot be matched with the order of anything else.</summary>
    public long Id { get; private set; }
    public int CampaignId { get; private set; }
    public int VoterGroupId { get; private set; }
    public DateOnly CastOn { get; private set; }

    /// <summary>The ratings in the campaign's fixed order (<see cref="SealedBallot.Layout"/>), each the encryption of a
    /// one-hot vector over the grades with its proofs.</summary>
    public byte[] Sealed { get; private set; } = [];

    /// <summary>The ballot's tracker, the hash of <see cref="Sealed"/>: the voter keeps it; the published list of trackers
    /// and sealed ballots lets them see their ballot was counted, and anyone check the sums.</summary>
    public string Receipt { get; private set; } = "";

    private static long NewId() => BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8)) & long.MaxValue;
}
