using Jishi.Web.Features.Reviews;
using Jishi.Web.Features.Reviews.Sealing;
using Jishi.Web.Shared;
using static Jishi.UnitTests.Features.Reviews.ReviewTestData;

namespace Jishi.UnitTests.Features.Reviews;

/// <summary>A campaign moves Draft → Open → Closed → Published, one step at a time, and each state allows what it says.</summary>
public sealed class ReviewCampaignTransitionTests
{
    private static byte[] PublicShareFor(ReviewCampaign campaign, string name) =>
        TrusteeShare.Create().Prove(SealedBallot.TrusteeContext(campaign.Id, name)).ToBytes();

    [Fact]
    public void Open_Draft_OpensWithTheServersShareAndItsJointKey()
    {
        var campaign = Draft();
        byte[]? joined = null;

        Assert.Null(campaign.Open(shares => joined = [.. shares.Single(), 7], ([1, 2, 3], "secret")));

        Assert.Equal(ReviewStatus.Open, campaign.Status);
        var server = Assert.Single(campaign.Trustees);
        Assert.True(server.IsServer);
        Assert.Equal("secret", server.ServerSecret);
        Assert.Equal(new byte[] { 1, 2, 3, 7 }, campaign.BallotKey);
        Assert.Same(joined, campaign.BallotKey);
        Assert.True(campaign.ServerHoldsKey);
        Assert.True(campaign.AcceptsBallots);
        Assert.True(campaign.AcceptsTokens);
        Assert.False(campaign.HasResults);
        Assert.NotNull(campaign.TokenKey);
    }

    [Fact]
    public void Open_WithTrustees_KeyOfTheirSharesAndNoServerShare()
    {
        var campaign = Draft();
        var (first, second) = (PublicShareFor(campaign, "张伟"), PublicShareFor(campaign, "刘芳"));
        Assert.Null(campaign.AddTrustee(" 张伟 ", first));
        Assert.Null(campaign.AddTrustee("刘芳", second));
        IReadOnlyList<byte[]>? combined = null;

        Assert.Null(campaign.Open(shares => { combined = shares; return [9]; }, ([1], "unused")));

        Assert.Equal([first, second], combined);
        Assert.Equal(["张伟", "刘芳"], campaign.Trustees.Select(t => t.Name));
        Assert.All(campaign.Trustees, t => Assert.Null(t.ServerSecret));
        Assert.False(campaign.ServerHoldsKey);
        Assert.Equal(new byte[] { 9 }, campaign.BallotKey);
    }

    [Fact]
    public void Open_NoTrusteesAndNoServerShare_ConflictStillDraft()
    {
        var campaign = Draft();

        var error = campaign.Open(SealedBallot.JointKey);

        Assert.Equal(("Sealing.NoKey", 409), (error?.Code, error?.Status));
        Assert.Equal(ReviewStatus.Draft, campaign.Status);
        Assert.Empty(campaign.Trustees);
        Assert.Null(campaign.BallotKey);
    }

    [Fact]
    public void Open_NoSubjects_ConflictStillDraft()
    {
        var campaign = new ReviewCampaign(1, "空评议", 2016, Meeting);
        Assert.True(campaign.AddVoterGroup("社区干部", 1, 10).IsSuccess);

        var error = OpenWithServerKey(campaign);

        Assert.Equal(("Review.NothingToOpen", 409), (error?.Code, error?.Status));
        Assert.Equal(ReviewStatus.Draft, campaign.Status);
        Assert.Empty(campaign.Trustees);
    }

    [Fact]
    public void Open_NoVoterGroups_Conflict()
    {
        var campaign = new ReviewCampaign(1, "无评议人", 2016, Meeting);
        Assert.True(campaign.AddSubject(Community, "王建华").IsSuccess);

        Assert.Equal("Review.NothingToOpen", OpenWithServerKey(campaign)?.Code);
        Assert.Equal(ReviewStatus.Draft, campaign.Status);
    }

    [Fact]
    public void Close_Open_ClosedTokenKeyDestroyedResultsShown()
    {
        var campaign = Opened();

        Assert.Null(campaign.Close());

        Assert.Equal(ReviewStatus.Closed, campaign.Status);
        Assert.Null(campaign.TokenKey);
        Assert.False(campaign.AcceptsBallots);
        Assert.False(campaign.AcceptsTokens);
        Assert.True(campaign.HasResults);
    }

    [Fact]
    public void Tallied_ServersShare_SecretDestroyedShareKept()
    {
        var campaign = Closed();

        campaign.Tallied();

        var server = Assert.Single(campaign.Trustees);
        Assert.Null(server.ServerSecret);
        Assert.NotEmpty(server.PublicShare);
    }

    [Fact]
    public void Publish_Closed_PublishedResultsShownNothingAccepted()
    {
        var campaign = Closed();

        Assert.Null(campaign.Publish());

        Assert.Equal(ReviewStatus.Published, campaign.Status);
        Assert.True(campaign.HasResults);
        Assert.False(campaign.AcceptsBallots);
        Assert.False(campaign.AcceptsTokens);
    }

    [Fact]
    public void Draft_AcceptsTokensNotBallots_NoResults()
    {
        var campaign = Draft();

        Assert.Equal(ReviewStatus.Draft, campaign.Status);
        Assert.True(campaign.AcceptsTokens);
        Assert.False(campaign.AcceptsBallots);
        Assert.False(campaign.HasResults);
        Assert.NotNull(campaign.TokenKey);
    }

    /// <summary>Every step from a state it does not start from: Open from all but Draft, Close from all but Open, Publish
    /// from all but Closed.</summary>
    public static TheoryData<ReviewStatus, string> WrongSteps => new()
    {
        { ReviewStatus.Open, "Open" }, { ReviewStatus.Closed, "Open" }, { ReviewStatus.Published, "Open" },
        { ReviewStatus.Draft, "Close" }, { ReviewStatus.Closed, "Close" }, { ReviewStatus.Published, "Close" },
        { ReviewStatus.Draft, "Publish" }, { ReviewStatus.Open, "Publish" }, { ReviewStatus.Published, "Publish" },
    };

    [Theory]
    [MemberData(nameof(WrongSteps))]
    public void Step_FromWrongState_WrongStateNamingStateAndStepStatusKept(ReviewStatus status, string step)
    {
        var campaign = InState(status);

        var error = step switch
        {
            "Open" => OpenWithServerKey(campaign),
            "Close" => campaign.Close(),
            _ => campaign.Publish(),
        };

        AssertRefusedForState(error);
        Assert.Equal(["Review.Status." + status, "Review.Action." + step], error!.Args);
        Assert.Equal(status, campaign.Status);
        Assert.Equal(status == ReviewStatus.Draft ? 0 : 1, campaign.Trustees.Count);
    }

    [Fact]
    public void Close_Draft_TokenKeyKept()
    {
        var campaign = Draft();

        campaign.Close();

        Assert.NotNull(campaign.TokenKey);
    }

    [Theory]
    [InlineData(ReviewStatus.Closed)]
    [InlineData(ReviewStatus.Published)]
    public void DraftChanges_AfterVoting_RefusedWithWrongState(ReviewStatus status)
    {
        var campaign = InState(status);

        AssertRefusedForState(campaign.AddSubject(Community, "李秀英").Error);
        AssertRefusedForState(campaign.AddVoterGroup("党员代表", 1, 30).Error);
        AssertRefusedForState(campaign.ChangeVoterGroup(campaign.VoterGroups[0], "改名", 2, 5));
        AssertRefusedForState(campaign.RemoveVoterGroup(campaign.VoterGroups[0], hasTokens: false));
        AssertRefusedForState(campaign.SetDimensions(["党员教育管理"]));
        AssertRefusedForState(campaign.Rename("新标题"));

        Assert.Single(campaign.Subjects);
        Assert.Equal(2, campaign.VoterGroups.Count);
        Assert.Empty(campaign.Dimensions);
    }

    [Fact]
    public void SetDimensions_Draft_TrimmedInOrderKeptOnesKeepTheirIds()
    {
        var campaign = Draft();
        Assert.Null(campaign.SetDimensions([" 基层组织建设 ", "", null, "党员教育管理"]));
        var kept = campaign.Dimensions.Single(d => d.Name == "党员教育管理");
        SetId(kept, 5);

        Assert.Null(campaign.SetDimensions(["党员教育管理", "服务群众"]));

        Assert.Equal(["党员教育管理", "服务群众"], campaign.Dimensions.OrderBy(d => d.Order).Select(d => d.Name));
        Assert.Same(kept, campaign.Dimensions.OrderBy(d => d.Order).First());
        Assert.Equal(0, kept.Order);
    }

    [Fact]
    public void SetDimensions_TooManyOrTwice_ValidationErrorNothingChanged()
    {
        var campaign = Draft();

        var tooMany = Enumerable.Range(1, ReviewDimension.MaxCount + 1).Select(i => $"项目{i}");
        Assert.Equal("Dimension.TooMany", Assert.Single(Assert.IsType<ValidationError>(campaign.SetDimensions(tooMany)).Problems).Code);
        Assert.Equal("Dimension.Duplicate",
            Assert.Single(Assert.IsType<ValidationError>(campaign.SetDimensions(["服务群众", " 服务群众"])).Problems).Code);

        Assert.Empty(campaign.Dimensions);
        Assert.Equal([ReviewDimension.Overall], campaign.RatedDimensionIds);
    }

    [Fact]
    public void AddTrustee_Draft_NameTrimmedAndChecked()
    {
        var campaign = Draft();

        Assert.Null(campaign.AddTrustee(" 张伟 ", PublicShareFor(campaign, "张伟")));

        Assert.Equal("Sealing.TrusteeName", Problem(campaign.AddTrustee("  ", [1])));
        Assert.Equal("Sealing.TrusteeName", Problem(campaign.AddTrustee(new string('张', ReviewTrustee.MaxNameLength + 1), [1])));
        Assert.Equal("Sealing.TrusteeTwice", Problem(campaign.AddTrustee("张伟", [1])));
        Assert.Equal("张伟", Assert.Single(campaign.Trustees).Name);
        Assert.False(campaign.ServerHoldsKey);
    }

    [Fact]
    public void AddTrustee_MoreThanMax_ValidationError()
    {
        var campaign = Draft();
        for (var i = 0; i < ReviewCampaign.MaxTrustees; i++)
        {
            Assert.Null(campaign.AddTrustee($"监票人{i}", [1]));
        }

        Assert.Equal("Sealing.TooManyTrustees", Problem(campaign.AddTrustee("再一位", [1])));
        Assert.Equal(ReviewCampaign.MaxTrustees, campaign.Trustees.Count);
    }

    [Fact]
    public void RemoveTrustee_Draft_RemovedUnknownNotFound()
    {
        var campaign = Draft();
        Assert.Null(campaign.AddTrustee("张伟", [1]));
        SetId(campaign.Trustees[0], 3);

        Assert.Equal(404, campaign.RemoveTrustee(4)?.Status);
        Assert.Null(campaign.RemoveTrustee(3));

        Assert.Empty(campaign.Trustees);
        Assert.True(campaign.ServerHoldsKey);
    }

    [Theory]
    [InlineData(ReviewStatus.Open)]
    [InlineData(ReviewStatus.Closed)]
    [InlineData(ReviewStatus.Published)]
    public void Trustees_AfterDraft_NeitherAddedNorRemoved(ReviewStatus status)
    {
        var campaign = InState(status);
        SetId(campaign.Trustees[0], 3);

        AssertRefusedForState(campaign.AddTrustee("张伟", [1]));
        AssertRefusedForState(campaign.RemoveTrustee(3));

        Assert.True(Assert.Single(campaign.Trustees).IsServer);
    }

    private static string? Problem(Error? error) => Assert.Single(Assert.IsType<ValidationError>(error).Problems).Code;

    [Theory]
    [InlineData(ReviewStatus.Draft, "Review.Action.Open", true, true, false, true)]
    [InlineData(ReviewStatus.Open, "Review.Action.Close", false, true, false, true)]
    [InlineData(ReviewStatus.Closed, "Review.Action.Publish", false, true, true, false)]
    [InlineData(ReviewStatus.Published, null, false, false, true, false)]
    public void Actions_EachState_WhatTheScreensMayOffer(ReviewStatus status, string? next, bool canEdit, bool canAssess,
        bool hasResults, bool acceptsTokens)
    {
        var campaign = InState(status);

        Assert.Equal(new ReviewActions(next, canEdit, canAssess, hasResults, acceptsTokens), campaign.Actions);
        // Each flag is what the guarded methods decide: an offered step is taken, a refused one answers 409.
        Assert.Equal(canEdit, campaign.SetDimensions(["党建引领"]) is null);
        Assert.Equal(canAssess, campaign.SetComment(campaign.Subjects[0], "继续保持") is null);
    }
}
