using Jishi.Web.Features.Reviews;
using Jishi.Web.Shared;
using static Jishi.UnitTests.Features.Reviews.ReviewTestData;
using Rating = Jishi.Web.Features.Reviews.CastBallot.Rating;

namespace Jishi.UnitTests.Features.Reviews;

/// <summary>A ballot rates every subject once with a known grade, and with dimensions every subject on every dimension.</summary>
public sealed class CastBallotValidateTests
{
    /// <summary>Subjects 1 王建华 and 2 李秀英; with dimensions, 21 党员教育管理 and 22 服务群众.</summary>
    private static ReviewCampaign Campaign(bool dimensions = false)
    {
        var campaign = Draft("王建华", "李秀英");
        if (dimensions)
        {
            Assert.Null(campaign.SetDimensions(["党员教育管理", "服务群众"]));
            SetId(campaign.Dimensions[0], 21);
            SetId(campaign.Dimensions[1], 22);
        }
        return campaign;
    }

    /// <summary>The problems' codes, each with its arguments joined by "|".</summary>
    private static List<(string Code, string Args)> Problems(ReviewCampaign campaign, params Rating[] ratings)
    {
        var error = CastBallot.Validate(campaign, ratings);
        Assert.NotNull(error);
        Assert.All(error.Problems, p => Assert.Equal("ratings", p.Field));
        Assert.Equal(400, error.Status);
        return error.Problems.Select(p => (p.Code, string.Join("|", p.Args))).ToList();
    }

    private static (string, string) Single(ReviewCampaign campaign, params Rating[] ratings) =>
        Assert.Single(Problems(campaign, ratings));

    [Fact]
    public void Validate_EverySubjectOnceKnownGrades_Valid()
    {
        Assert.Null(CastBallot.Validate(Campaign(), [new(2, "差"), new(1, " 较好 ")]));
    }

    [Fact]
    public void Validate_NoRatings_EverySubjectNamedMissing()
    {
        Assert.Equal(("Review.MissingSubjects", "王建华、李秀英"), Single(Campaign()));
    }

    [Fact]
    public void Validate_SubjectLeftOut_MissingNamesIt()
    {
        Assert.Equal(("Review.MissingSubjects", "李秀英"), Single(Campaign(), new Rating(1, "好")));
    }

    [Fact]
    public void Validate_UnknownSubject_NamedWithItsId()
    {
        Assert.Equal(("Review.UnknownSubject", "99"), Single(Campaign(), new(1, "好"), new(2, "好"), new(99, "好")));
    }

    [Theory]
    [InlineData("优秀", "优秀")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Validate_UnknownGrade_NamedAsGiven(string? grade, string named)
    {
        Assert.Equal(("Review.UnknownGrade", named), Single(Campaign(), new(1, "好"), new(2, grade!)));
    }

    [Fact]
    public void Validate_SubjectRatedTwice_Duplicate()
    {
        Assert.Equal(("Review.DuplicateSubject", "1"), Single(Campaign(), new(1, "好"), new(1, "差"), new(2, "好")));
    }

    [Fact]
    public void Validate_DimensionWhereNoneExpected_NotExpected()
    {
        Assert.Equal(("Dimension.NotExpected", "21"), Single(Campaign(), new(1, "好", 21), new(2, "好")));
    }

    [Fact]
    public void Validate_SeveralFaults_EveryOneNamed()
    {
        var problems = Problems(Campaign(), new(1, "优秀"), new(1, "好"), new(7, "好"));

        Assert.Equal(["Review.UnknownGrade", "Review.UnknownSubject", "Review.DuplicateSubject", "Review.MissingSubjects"],
            problems.Select(p => p.Code));
    }

    [Fact]
    public void Validate_Dimensions_EverySubjectOnEveryDimension_Valid()
    {
        Assert.Null(CastBallot.Validate(Campaign(dimensions: true),
            [new(1, "好", 21), new(1, "一般", 22), new(2, "较好", 22), new(2, "差", 21)]));
    }

    [Fact]
    public void Validate_Dimensions_PairLeftOut_MissingNamesSubjectAndDimension()
    {
        Assert.Equal(("Review.MissingSubjects", "王建华（服务群众）、李秀英（党员教育管理）、李秀英（服务群众）"),
            Single(Campaign(dimensions: true), new Rating(1, "好", 21)));
    }

    [Fact]
    public void Validate_Dimensions_WithoutOrUnknownDimension_Unknown()
    {
        var campaign = Campaign(dimensions: true);
        Rating[] complete = [new(1, "好", 21), new(1, "好", 22), new(2, "好", 21), new(2, "好", 22)];

        Assert.Equal(("Dimension.Unknown", ""), Single(campaign, [.. complete, new(1, "好")]));
        Assert.Equal(("Dimension.Unknown", "99"), Single(campaign, [.. complete, new(2, "好", 99)]));
    }

    [Fact]
    public void Validate_Dimensions_PairRatedTwice_DuplicateNamesTheDimension()
    {
        Assert.Equal(("Dimension.DuplicateRating", "2|服务群众"),
            Single(Campaign(dimensions: true), new(1, "好", 21), new(1, "好", 22), new(2, "好", 21), new(2, "好", 22), new(2, "差", 22)));
    }

    [Fact]
    public void ParseRatings_Checked_GradesParsedOverallWithoutDimension()
    {
        var parsed = CastBallot.ParseRatings([new(1, " 较好"), new(2, "差", 22)]);

        Assert.Equal([(1, ReviewDimension.Overall, Grade.FairlyGood), (2, 22, Grade.Poor)], parsed);
    }

    [Fact]
    public void Refusal_UsedTokenOrNotOpen_ConflictOtherwiseNone()
    {
        var token = new BallotToken(1, 11, "hash");

        Assert.Null(CastBallot.Refusal(token, Opened()));
        Assert.Same(ReviewErrors.NotOpen, CastBallot.Refusal(token, Draft()));
        Assert.Same(ReviewErrors.NotOpen, CastBallot.Refusal(token, Closed()));
        // The token is spent in SQL by the ballot writer; here as the row would read afterwards.
        typeof(BallotToken).GetProperty(nameof(BallotToken.Used))!.SetValue(token, true);
        Assert.Same(ReviewErrors.TokenUsed, CastBallot.Refusal(token, Opened()));
    }
}
