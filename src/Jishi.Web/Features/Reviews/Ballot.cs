using Jishi.Web.Shared;

namespace Jishi.Web.Features.Reviews;

/// <summary>One evaluator's ratings of every subject (on every dimension, when the campaign has them). Anonymous: no token, no account, no time finer than the day.</summary>
[NotAudited]
public sealed class Ballot
{
    private Ballot() { }

    public Ballot(int campaignId, int voterGroupId, DateOnly castOn, string receipt, IEnumerable<(int SubjectId, int DimensionId, Grade Grade)> ratings)
    {
        Id = Guid.NewGuid();
        CampaignId = campaignId;
        VoterGroupId = voterGroupId;
        CastOn = castOn;
        Receipt = receipt;
        Ratings = ratings.Select(r => new BallotRating(Id, r.SubjectId, r.DimensionId, r.Grade)).ToList();
    }

    /// <summary>Random, so that the order of ballots cannot be matched with the order of anything else.</summary>
    public Guid Id { get; private set; }
    public int CampaignId { get; private set; }
    public int VoterGroupId { get; private set; }
    public DateOnly CastOn { get; private set; }

    /// <summary>A code the voter keeps; the published list of receipts lets them see their ballot was counted.</summary>
    public string Receipt { get; private set; } = "";

    public List<BallotRating> Ratings { get; private set; } = [];

    public static string NewReceipt() => System.Security.Cryptography.RandomNumberGenerator.GetString(BallotToken.Alphabet, 8);
}

[NotAudited]
public sealed class BallotRating
{
    private BallotRating() { }

    internal BallotRating(Guid ballotId, int subjectId, int dimensionId, Grade grade)
    {
        BallotId = ballotId;
        SubjectId = subjectId;
        DimensionId = dimensionId;
        Grade = grade;
    }

    public Guid BallotId { get; private set; }
    public int SubjectId { get; private set; }

    /// <summary>The <see cref="ReviewDimension"/> rated, or <see cref="ReviewDimension.Overall"/> without dimensions.</summary>
    public int DimensionId { get; private set; }

    public Grade Grade { get; private set; }
}
