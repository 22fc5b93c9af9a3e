using Jishi.Web.Shared;

namespace Jishi.Web.Features.Reviews;

/// <summary>How many ratings of one grade one voter group has given one subject on one dimension (or overall): the running count the results read,
/// kept in the same transaction as the ballots (BallotWriter), so results need not scan every rating. The rows are
/// created when voting opens; a count says nothing about who voted.</summary>
[NotAudited]
public sealed class BallotTally
{
    private BallotTally() { }

    public BallotTally(int campaignId, int subjectId, int voterGroupId, int dimensionId, Grade grade, int count = 0)
    {
        DimensionId = dimensionId;
        Count = count;
        CampaignId = campaignId;
        SubjectId = subjectId;
        VoterGroupId = voterGroupId;
        Grade = grade;
    }

    public int CampaignId { get; private set; }
    public int SubjectId { get; private set; }
    public int VoterGroupId { get; private set; }

    /// <summary>The <see cref="ReviewDimension"/> counted, or <see cref="ReviewDimension.Overall"/> without dimensions.</summary>
    public int DimensionId { get; private set; }

    public Grade Grade { get; private set; }
    public int Count { get; private set; }

    /// <summary>One zero row per subject, group, dimension and grade of a campaign.</summary>
    public static IEnumerable<BallotTally> For(ReviewCampaign campaign) =>
        from s in campaign.Subjects
        from g in campaign.VoterGroups
        from d in campaign.RatedDimensionIds
        from grade in Enum.GetValues<Grade>()
        select new BallotTally(campaign.Id, s.Id, g.Id, d, grade);
}
