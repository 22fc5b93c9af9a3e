using Jishi.Web.Features.Reviews;
using Jishi.Web.Shared;
using static Jishi.UnitTests.Features.Reviews.ReviewTestData;

namespace Jishi.UnitTests.Features.Reviews;

/// <summary>A subject's daily score, veto and comment are set through its campaign in every state but Published.</summary>
public sealed class ReviewAssessmentTests
{
    [Theory]
    [InlineData(ReviewStatus.Draft)]
    [InlineData(ReviewStatus.Open)]
    [InlineData(ReviewStatus.Closed)]
    public void Assessment_BeforePublish_Applied(ReviewStatus status)
    {
        var campaign = InState(status);
        var subject = campaign.Subjects[0];

        Assert.Null(campaign.SetDailyScore(subject, 87.5));
        Assert.Null(campaign.SetVeto(subject, true));
        Assert.Null(campaign.SetComment(subject, "  抓党建思路清晰。 "));

        Assert.Equal((87.5, true, "抓党建思路清晰。"), (subject.DailyScore, subject.Veto, subject.Comment));
        Assert.Null(campaign.WhyNotAssess(ReviewCampaign.DailyScoreAction));
    }

    [Fact]
    public void Assessment_AfterPublish_RefusedWithWrongStateNothingChanged()
    {
        var campaign = Closed();
        var subject = campaign.Subjects[0];
        Assert.Null(campaign.SetDailyScore(subject, 70));
        Assert.Null(campaign.SetComment(subject, "基础工作扎实。"));
        Assert.Null(campaign.Publish());

        var refusals = new[]
        {
            (campaign.SetDailyScore(subject, 90), "Review.Action.DailyScore"),
            (campaign.SetDailyScores([(subject, 95)]), "Review.Action.DailyScore"),
            (campaign.SetVeto(subject, true), "Review.Action.Veto"),
            (campaign.SetComment(subject, "改"), "Review.Action.Comment"),
        };

        Assert.All(refusals, r =>
        {
            AssertRefusedForState(r.Item1);
            Assert.Equal(["Review.Status.Published", r.Item2], r.Item1!.Args);
        });
        Assert.Equal((70d, false, "基础工作扎实。"), (subject.DailyScore, subject.Veto, subject.Comment));
    }

    [Fact]
    public void WhyNotAssess_Published_NamesTheAction()
    {
        var error = Published().WhyNotAssess(ReviewCampaign.DailyScoreAction);

        AssertRefusedForState(error);
        Assert.Equal(["Review.Status.Published", "Review.Action.DailyScore"], error!.Args);
    }

    [Fact]
    public void Assessment_AfterPublish_RefusedBeforeValidation()
    {
        var campaign = Published();

        AssertRefusedForState(campaign.SetDailyScore(campaign.Subjects[0], 101));
        AssertRefusedForState(campaign.SetComment(campaign.Subjects[0], new string('评', ReviewSubject.MaxCommentLength + 1)));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(100.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void SetDailyScore_OutsideZeroToHundred_ValidationErrorScoreKept(double score)
    {
        var campaign = Draft();
        var subject = campaign.Subjects[0];

        var error = Assert.IsType<ValidationError>(campaign.SetDailyScore(subject, score));

        Assert.Equal(("score", "Review.DailyScoreRange"), (Assert.Single(error.Problems).Field, error.Problems[0].Code));
        Assert.Null(subject.DailyScore);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void SetDailyScore_Bounds_Accepted(double score)
    {
        var campaign = Draft();

        Assert.Null(campaign.SetDailyScore(campaign.Subjects[0], score));
        Assert.Equal(score, campaign.Subjects[0].DailyScore);
    }

    [Fact]
    public void SetDailyScores_OneOutOfRange_NoneApplied()
    {
        var campaign = Draft("王建华", "李秀英");
        var (first, second) = (campaign.Subjects[0], campaign.Subjects[1]);

        Assert.IsType<ValidationError>(campaign.SetDailyScores([(first, 80), (second, 120)]));
        Assert.Equal([null, null], campaign.Subjects.Select(s => s.DailyScore));

        Assert.Null(campaign.SetDailyScores([(first, 80), (second, 90)]));
        Assert.Equal([80d, 90d], campaign.Subjects.Select(s => s.DailyScore));
    }

    [Fact]
    public void Assessment_SubjectOfAnotherCampaign_NotFoundNothingChanged()
    {
        var campaign = Draft();
        var stranger = Draft().Subjects[0];

        Assert.Equal(404, campaign.SetDailyScore(stranger, 80)?.Status);
        Assert.Equal(404, campaign.SetDailyScores([(campaign.Subjects[0], 80), (stranger, 80)])?.Status);
        Assert.Equal(404, campaign.SetVeto(stranger, true)?.Status);
        Assert.Equal(404, campaign.SetComment(stranger, "点评")?.Status);

        Assert.Null(campaign.Subjects[0].DailyScore);
        Assert.Equal((null, false, null), (stranger.DailyScore, stranger.Veto, stranger.Comment));
    }

    [Fact]
    public void SetVeto_TrueThenFalse_Lifted()
    {
        var campaign = Opened();
        var subject = campaign.Subjects[0];

        Assert.Null(campaign.SetVeto(subject, true));
        Assert.True(subject.Veto);
        Assert.Null(campaign.SetVeto(subject, false));
        Assert.False(subject.Veto);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void SetComment_Blank_NoComment(string? text)
    {
        var campaign = Draft();
        var subject = campaign.Subjects[0];
        Assert.Null(campaign.SetComment(subject, "先前的点评"));

        Assert.Null(campaign.SetComment(subject, text));

        Assert.Null(subject.Comment);
    }

    [Fact]
    public void SetComment_TooLong_ValidationErrorWithTheLimit_LimitAfterTrimAccepted()
    {
        var campaign = Draft();
        var subject = campaign.Subjects[0];

        var error = Assert.IsType<ValidationError>(campaign.SetComment(subject, new string('评', ReviewSubject.MaxCommentLength + 1)));
        var problem = Assert.Single(error.Problems);
        Assert.Equal(("text", "Review.CommentTooLong"), (problem.Field, problem.Code));
        Assert.Equal([ReviewSubject.MaxCommentLength], problem.Args);
        Assert.Null(subject.Comment);

        Assert.Null(campaign.SetComment(subject, $"  {new string('评', ReviewSubject.MaxCommentLength)}  "));
        Assert.Equal(ReviewSubject.MaxCommentLength, subject.Comment?.Length);
    }

    [Fact]
    public void ReviewSubject_Problems_ScoreAndCommentRules()
    {
        Assert.Null(ReviewSubject.DailyScoreProblem(0));
        Assert.Null(ReviewSubject.DailyScoreProblem(100));
        Assert.NotNull(ReviewSubject.DailyScoreProblem(-1));
        Assert.NotNull(ReviewSubject.DailyScoreProblem(double.NaN));
        Assert.Null(ReviewSubject.CommentProblem(null));
        Assert.Null(ReviewSubject.CommentProblem(new string('评', ReviewSubject.MaxCommentLength) + "   "));
        Assert.NotNull(ReviewSubject.CommentProblem(new string('评', ReviewSubject.MaxCommentLength + 1)));
    }

    [Fact]
    public void ReviewSubject_New_NothingAssessed()
    {
        var subject = Draft("李秀英").Subjects[0];

        Assert.Equal(("李秀英", Community.Id), (subject.Name, subject.UnitId));
        Assert.Equal((null, false, null), (subject.DailyScore, subject.Veto, subject.Comment));
    }
}
