using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Reviews;
using Jishi.Web.Shared;

namespace Jishi.UnitTests.Features.Reviews;

/// <summary>A campaign's title, date, weights and voter groups change while it is a draft, and not once voting has opened.</summary>
public sealed class ReviewCampaignDraftTests
{
    private static readonly DateOnly Meeting = ReviewTestData.Meeting;
    private static readonly Unit Community = ReviewTestData.Community;
    private static readonly HashSet<int> NoTokens = [];

    private static ReviewCampaign Draft() => ReviewTestData.Draft();

    private static ReviewCampaign Opened() => ReviewTestData.Opened();

    private static void AssertRefusedForState(Error? error) => ReviewTestData.AssertRefusedForState(error);

    [Fact]
    public void Rename_Reschedule_ChangeBallotWeight_InDraft_Applied()
    {
        var campaign = Draft();

        Assert.Null(campaign.Rename("  2016年度社区书记述职评议 "));
        Assert.Null(campaign.Reschedule(new DateOnly(2017, 3, 1)));
        Assert.Null(campaign.ChangeBallotWeight(0.5));

        Assert.Equal("2016年度社区书记述职评议", campaign.Title);
        Assert.Equal(new DateOnly(2017, 3, 1), campaign.MeetingDate);
        Assert.Equal(0.5, campaign.BallotWeight);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Rename_Blank_ValidationErrorTitleKept(string title)
    {
        var campaign = Draft();

        var error = Assert.IsType<ValidationError>(campaign.Rename(title));

        Assert.Equal("title", Assert.Single(error.Problems).Field);
        Assert.Equal("2016年度述职评议", campaign.Title);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void ChangeBallotWeight_OutsideZeroToOne_ValidationError(double weight)
    {
        var campaign = Draft();

        Assert.IsType<ValidationError>(campaign.ChangeBallotWeight(weight));
        Assert.Equal(0.4, campaign.BallotWeight);
    }

    [Fact]
    public void EveryDraftChange_AfterOpen_RefusedWithWrongStateAndNothingChanged()
    {
        var campaign = Opened();
        var group = campaign.VoterGroups[0];

        AssertRefusedForState(campaign.Rename("新标题"));
        AssertRefusedForState(campaign.Reschedule(new DateOnly(2017, 3, 1)));
        AssertRefusedForState(campaign.ChangeBallotWeight(0.5));
        AssertRefusedForState(campaign.AddVoterGroup("党员代表", 1, 30).Error);
        AssertRefusedForState(campaign.ChangeVoterGroup(group, "改名", 2, 5));
        AssertRefusedForState(campaign.RemoveVoterGroup(group, hasTokens: false));
        AssertRefusedForState(campaign.AddSubject(Community, "李秀英").Error);
        AssertRefusedForState(campaign.Revise("新标题", Meeting, 0.4, [new(11, "街道党工委成员", 0.5, 12)], NoTokens));

        Assert.Equal("2016年度述职评议", campaign.Title);
        Assert.Equal(Meeting, campaign.MeetingDate);
        Assert.Equal(["街道党工委成员", "社区干部"], campaign.VoterGroups.Select(g => g.Name));
        Assert.Equal(0.5, group.Weight);
        Assert.Single(campaign.Subjects);
    }

    [Theory]
    [InlineData("", 1, 10)]
    [InlineData("党员代表", 0, 10)]
    [InlineData("党员代表", -1, 10)]
    [InlineData("党员代表", 1, -1)]
    public void AddVoterGroup_InvalidValues_ValidationErrorNotAdded(string name, double weight, int headCount)
    {
        var campaign = Draft();

        var error = Assert.IsType<ValidationError>(campaign.AddVoterGroup(name, weight, headCount).Error);

        Assert.Equal("voterGroups", Assert.Single(error.Problems).Field);
        Assert.Equal(2, campaign.VoterGroups.Count);
    }

    [Fact]
    public void ChangeVoterGroup_InDraft_RenamesAndReweights()
    {
        var campaign = Draft();
        var group = campaign.VoterGroups[1];

        Assert.Null(campaign.ChangeVoterGroup(group, " 社区两委成员 ", 0.3, 36));

        Assert.Equal(("社区两委成员", 0.3, 36), (group.Name, group.Weight, group.HeadCount));
        Assert.IsType<ValidationError>(campaign.ChangeVoterGroup(group, "社区两委成员", 0, 36));
        Assert.Equal(0.3, group.Weight);
    }

    [Fact]
    public void RemoveVoterGroup_WithTokensOrLast_Refused_OtherwiseRemoved()
    {
        var campaign = Draft();
        var (first, second) = (campaign.VoterGroups[0], campaign.VoterGroups[1]);

        var issued = campaign.RemoveVoterGroup(first, hasTokens: true);
        Assert.Equal(("ReviewDraft.GroupHasTokens", 409), (issued?.Code, issued?.Status));
        Assert.Null(campaign.RemoveVoterGroup(first, hasTokens: false));
        Assert.IsType<ValidationError>(campaign.RemoveVoterGroup(second, hasTokens: false));

        Assert.Equal([second], campaign.VoterGroups);
    }

    [Fact]
    public void Revise_ChangedKeptAddedAndLeftOut_AllApplied()
    {
        var campaign = Draft();
        var kept = campaign.VoterGroups.Single(g => g.Id == 12);

        Assert.Null(campaign.Revise(" 2016年度述职评议（改） ", new DateOnly(2017, 2, 20), 0.3,
            [new(12, "社区干部", 0.6, 24), new(null, "党员代表", 0.4, 30)], NoTokens));

        Assert.Equal("2016年度述职评议（改）", campaign.Title);
        Assert.Equal(new DateOnly(2017, 2, 20), campaign.MeetingDate);
        Assert.Equal(0.3, campaign.BallotWeight);
        Assert.Equal(["社区干部", "党员代表"], campaign.VoterGroups.Select(g => g.Name));
        Assert.Same(kept, campaign.VoterGroups[0]);
        Assert.Equal((0.6, 24), (kept.Weight, kept.HeadCount));
    }

    [Fact]
    public void Revise_NoBallotWeight_KeepsIt()
    {
        var campaign = Draft();

        Assert.Null(campaign.Revise("2016年度述职评议", Meeting, null, [new(11, "街道党工委成员", 1, 12), new(12, "社区干部", 1, 24)], NoTokens));

        Assert.Equal(0.4, campaign.BallotWeight);
    }

    [Fact]
    public void Revise_LeavesOutGroupWithTokens_ConflictNothingChanged()
    {
        var campaign = Draft();

        var error = campaign.Revise("新标题", Meeting, 0.4, [new(12, "社区干部", 0.5, 12)], new HashSet<int> { 11 });

        Assert.Equal(("ReviewDraft.GroupHasTokens", 409), (error?.Code, error?.Status));
        Assert.Equal("街道党工委成员", Assert.IsType<string>(Assert.Single(error!.Args)));
        Assert.Equal("2016年度述职评议", campaign.Title);
        Assert.Equal(2, campaign.VoterGroups.Count);
    }

    [Fact]
    public void Revise_InvalidValues_EveryProblemNamedNothingChanged()
    {
        var campaign = Draft();

        var error = Assert.IsType<ValidationError>(campaign.Revise(" ", null, 2, [new(11, "街道党工委成员", 0, 12)], NoTokens));

        Assert.Equal(["title", "meetingDate", "ballotWeight", "voterGroups"], error.Problems.Select(p => p.Field));
        Assert.Equal(0.5, campaign.VoterGroups[0].Weight);
        Assert.Equal(2, campaign.VoterGroups.Count);
    }

    [Fact]
    public void Revise_NoGroupsOrUnknownOrTwiceGivenGroup_ValidationError()
    {
        var campaign = Draft();

        Assert.IsType<ValidationError>(campaign.Revise("标题", Meeting, 0.4, [], NoTokens));
        Assert.IsType<ValidationError>(campaign.Revise("标题", Meeting, 0.4, null, NoTokens));
        var unknown = Assert.IsType<ValidationError>(campaign.Revise("标题", Meeting, 0.4, [new(99, "外来", 1, 1)], NoTokens));
        Assert.Equal("ReviewDraft.UnknownGroup", Assert.Single(unknown.Problems).Code);
        Assert.IsType<ValidationError>(campaign.Revise("标题", Meeting, 0.4, [new(11, "甲", 1, 1), new(11, "乙", 1, 1)], NoTokens));
        Assert.Equal("2016年度述职评议", campaign.Title);
    }

    [Fact]
    public void VoterGroupsProblem_TheRuleOfCreate_NamedWeightAboveZeroHeadCountNotNegative()
    {
        Assert.Null(ReviewCampaign.VoterGroupsProblem([("社区干部", 0.2, 0)]));
        Assert.NotNull(ReviewCampaign.VoterGroupsProblem([]));
        Assert.NotNull(ReviewCampaign.VoterGroupsProblem(null));
        Assert.NotNull(ReviewCampaign.VoterGroupsProblem([("社区干部", 0.2, 0), (" ", 0.2, 0)]));
        Assert.NotNull(ReviewCampaign.VoterGroupsProblem([("社区干部", 0, 0)]));
        Assert.NotNull(ReviewCampaign.VoterGroupsProblem([("社区干部", 0.2, -1)]));
        Assert.NotNull(ReviewCampaign.VoterGroupsProblem([(new string('党', VoterGroup.MaxNameLength + 1), 0.2, 0)]));
    }
}
