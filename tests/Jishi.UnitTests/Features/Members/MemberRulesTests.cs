using Jishi.Web.Features.Members;

namespace Jishi.UnitTests.Features.Members;

public sealed class MemberRulesTests
{
    private static readonly DateOnly Today = new(2016, 2, 13);
    private static readonly string[] Tiers = MemberTier.Defaults;

    // GB 11643's own example, whose check character is X.
    private const string IdWithX = "11010519491231002X";

    private static MemberInput Valid() => new()
    {
        Name = "王建华",
        Gender = "男",
        BirthDate = new DateOnly(1949, 12, 31),
        IdNumber = IdWithX,
        Category = MemberCategory.Full,
        UnitId = 1,
        JoinedOn = new DateOnly(1975, 7, 1),
        FullMemberOn = new DateOnly(1976, 7, 1),
        Phone = "13893112345",
        Tier = "离退休",
    };

    private static IEnumerable<string> Problems(MemberInput input) =>
        MemberRules.Validate(input, Tiers, Today).Select(p => p.Field + ":" + p.Code);

    [Fact]
    public void Validate_CompleteMember_ReturnsNoProblem() => Assert.Empty(Problems(Valid()));

    [Theory]
    [InlineData(IdWithX)]
    [InlineData("440524188001010014")]
    [InlineData("620102198507150017")]
    public void IsValidIdNumber_CorrectCheckCharacter_ReturnsTrue(string id) => Assert.True(MemberRules.IsValidIdNumber(id));

    [Theory]
    [InlineData("110105194912310021")] // wrong check character
    [InlineData("11010519491231002x")] // lower-case x is normalized before, never accepted raw
    [InlineData("440524188001010015")]
    [InlineData("44052418800101001")] // 17 characters
    [InlineData("4405241880010100144")] // 19 characters
    [InlineData("44052418800101001A")]
    public void IsValidIdNumber_WrongNumber_ReturnsFalse(string id) => Assert.False(MemberRules.IsValidIdNumber(id));

    [Fact]
    public void CheckCharacter_RemainderTwo_ReturnsX() => Assert.Equal('X', MemberRules.CheckCharacter("11010519491231002"));

    [Fact]
    public void NormalizeIdNumber_FullWidthDigitsAndLowerX_ReturnsAsciiUpperCase() =>
        Assert.Equal(IdWithX, MemberRules.NormalizeIdNumber("１１０１０５ １９４９１２３１００２ｘ"));

    [Fact]
    public void NormalizeDigits_FullWidthDigitsAndIdeographicSpace_ReturnsAscii() =>
        Assert.Equal("138 9311 2345", MemberRules.NormalizeDigits("１３８\u3000９３１１\u3000２３４５"));

    [Fact]
    public void Validate_FullWidthIdNumberAndPhone_ReturnsNoProblem() =>
        Assert.Empty(Problems(Valid() with { IdNumber = "１１０１０５１９４９１２３１００２Ｘ", Phone = "１３８９３１１２３４５" }));

    [Fact]
    public void Validate_WrongCheckCharacter_ReportsIdNumber() =>
        Assert.Equal(["idNumber:Member.IdNumberInvalid"], Problems(Valid() with { IdNumber = "110105194912310021" }));

    [Fact]
    public void Validate_BirthDateDiffersFromIdNumber_ReportsBirthDate() =>
        Assert.Equal(["birthDate:Member.BirthDateMismatch"], Problems(Valid() with { BirthDate = new DateOnly(1949, 12, 30) }));

    [Fact]
    public void BirthDateOf_ValidNumber_ReturnsEncodedDate() =>
        Assert.Equal(new DateOnly(1949, 12, 31), MemberRules.BirthDateOf(IdWithX));

    [Theory]
    [InlineData("13893112345")]
    [InlineData("19912345678")]
    [InlineData("0931-8451234")]
    [InlineData("09318451234")]
    [InlineData("010-12345678")]
    [InlineData("010-12345678-806")]
    public void IsValidPhone_MobileOrLandlineWithAreaCode_ReturnsTrue(string phone) => Assert.True(MemberRules.IsValidPhone(phone));

    [Theory]
    [InlineData("12893112345")] // no mobile prefix 12
    [InlineData("1389311234")] // 10 digits
    [InlineData("138931123456")] // 12 digits
    [InlineData("8451234")] // landline without area code
    [InlineData("931-8451234")] // area code without the leading 0
    [InlineData("138-9311-2345")]
    public void IsValidPhone_Malformed_ReturnsFalse(string phone) => Assert.False(MemberRules.IsValidPhone(phone));

    [Fact]
    public void Validate_MalformedPhone_ReportsPhone() =>
        Assert.Equal(["phone:Member.PhoneInvalid"], Problems(Valid() with { Phone = "8451234" }));

    [Fact]
    public void Validate_JoinedBeforeEighteenthBirthday_ReportsJoinedTooYoung()
    {
        var input = Valid() with { IdNumber = null, BirthDate = new DateOnly(1990, 3, 1), JoinedOn = new DateOnly(2008, 2, 29), FullMemberOn = null };
        Assert.Equal(["joinedOn:Member.JoinedTooYoung"], Problems(input));
    }

    [Fact]
    public void Validate_JoinedOnEighteenthBirthday_ReturnsNoProblem()
    {
        var input = Valid() with { IdNumber = null, BirthDate = new DateOnly(1990, 3, 1), JoinedOn = new DateOnly(2008, 3, 1), FullMemberOn = null };
        Assert.Empty(Problems(input));
    }

    [Fact]
    public void Validate_FullMemberJoinedLessThanAYearAgo_ReportsFullTooEarly()
    {
        var input = Valid() with { JoinedOn = Today.AddMonths(-6), FullMemberOn = null };
        Assert.Equal(["category:Member.FullTooEarly"], Problems(input));
    }

    [Fact]
    public void Validate_ProbationaryJoinedLessThanAYearAgo_ReturnsNoProblem()
    {
        var input = Valid() with { Category = MemberCategory.Probationary, JoinedOn = Today.AddMonths(-6), FullMemberOn = null };
        Assert.Empty(Problems(input));
    }

    [Fact]
    public void Validate_FullMemberJoinedMoreThanAYearAgo_ReturnsNoProblem() =>
        Assert.Empty(Problems(Valid() with { JoinedOn = Today.AddYears(-1), FullMemberOn = null }));

    [Fact]
    public void Validate_FullMembershipBeforeJoining_ReportsFullMemberOn() =>
        Assert.Equal(["fullMemberOn:Member.FullBeforeJoined"], Problems(Valid() with { FullMemberOn = new DateOnly(1975, 6, 30) }));

    [Fact]
    public void Validate_JoinedInFuture_ReportsJoinedOn() =>
        Assert.Contains("joinedOn:Member.DateInFuture", Problems(Valid() with { JoinedOn = Today.AddDays(1), FullMemberOn = null }));

    [Fact]
    public void Validate_NoJoinedDate_ReportsJoinedRequired() =>
        Assert.Equal(["joinedOn:Member.JoinedRequired"], Problems(Valid() with { JoinedOn = null }));

    [Fact]
    public void Validate_EmptyNameUnknownGenderAndTier_ReportsEachField()
    {
        var problems = Problems(Valid() with { Name = " ", Gender = "未知", Tier = "骨干" }).ToList();
        Assert.Equal(["name:Member.NameRequired", "gender:Member.GenderInvalid", "tier:Member.TierInvalid"], problems);
    }

    [Fact]
    public void Validate_UnknownTier_ListsConfiguredTiers()
    {
        var problem = Assert.Single(MemberRules.Validate(Valid() with { Tier = "骨干" }, Tiers, Today));
        Assert.Equal("在职、离退休、流动、年老体弱、社区干部", Assert.Single(problem.Args));
    }

    [Theory]
    [InlineData("2015-13")]
    [InlineData("201512")]
    public void Validate_LostSinceNotYearMonth_ReportsLostSince(string since) =>
        Assert.Equal(["lostSince:Member.YearMonthInvalid"], Problems(Valid() with { IsLost = true, LostSince = since }));
}
