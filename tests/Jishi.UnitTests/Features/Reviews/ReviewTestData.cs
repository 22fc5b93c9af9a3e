using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Reviews;
using Jishi.Web.Features.Reviews.Sealing;
using Jishi.Web.Shared;

namespace Jishi.UnitTests.Features.Reviews;

/// <summary>Campaigns in each state, with the ids the database would give their subjects (1, 2, …) and voter groups
/// (11, 12).</summary>
internal static class ReviewTestData
{
    public static readonly DateOnly Meeting = new(2017, 2, 13);
    public static readonly Unit Community = new("七里墩社区党委", UnitKind.Community, new Unit("七里墩街道党工委", UnitKind.Street, null));

    public static ReviewCampaign Draft(params string[] secretaries)
    {
        var campaign = new ReviewCampaign(1, "2016年度述职评议", 2016, Meeting);
        foreach (var (name, i) in (secretaries.Length == 0 ? ["王建华"] : secretaries).Select((n, i) => (n, i)))
        {
            SetId(campaign.AddSubject(Community, name).Value!, i + 1);
        }
        foreach (var (name, id) in new[] { ("街道党工委成员", 11), ("社区干部", 12) })
        {
            SetId(campaign.AddVoterGroup(name, 0.5, 12).Value!, id);
        }
        return campaign;
    }

    /// <summary>Opens with a share the server holds, as a campaign without trustees does.</summary>
    public static Error? OpenWithServerKey(ReviewCampaign campaign)
    {
        var share = TrusteeShare.Create();
        return campaign.Open(SealedBallot.JointKey, (share.Prove(SealedBallot.TrusteeContext(campaign.Id, "")).ToBytes(), share.ToText()));
    }

    public static ReviewCampaign Opened()
    {
        var campaign = Draft();
        Assert.Null(OpenWithServerKey(campaign));
        return campaign;
    }

    public static ReviewCampaign Closed()
    {
        var campaign = Opened();
        Assert.Null(campaign.Close());
        return campaign;
    }

    public static ReviewCampaign Published()
    {
        var campaign = Closed();
        Assert.Null(campaign.Publish());
        return campaign;
    }

    public static ReviewCampaign InState(ReviewStatus status) => status switch
    {
        ReviewStatus.Draft => Draft(),
        ReviewStatus.Open => Opened(),
        ReviewStatus.Closed => Closed(),
        _ => Published(),
    };

    /// <summary>Gives an entity the id the database would (ids have private setters).</summary>
    public static void SetId<T>(T entity, int id) where T : class => typeof(T).GetProperty("Id")!.SetValue(entity, id);

    public static void AssertRefusedForState(Error? error)
    {
        Assert.NotNull(error);
        Assert.Equal("Review.WrongState", error.Code);
        Assert.Equal(409, error.Status);
    }
}
