using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;

namespace Jishi.UnitTests.Features.Accounts;

public sealed class BulkAccountRulesTests
{
    [Theory]
    [InlineData("13912345678", "13912345678")]
    [InlineData(" 139 1234 5678 ", "13912345678")]
    [InlineData("139-1234-5678", "13912345678")]
    [InlineData("+86 13912345678", "13912345678")]
    [InlineData("8613912345678", "13912345678")]
    [InlineData("0931-8123456", null)]
    [InlineData("12912345678", null)]
    [InlineData("620102198001011234", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void MobileOf_Phone_ReturnsMobileNumberOrNull(string? phone, string? expected) =>
        Assert.Equal(expected, BulkAccountRules.MobileOf(phone));

    [Fact]
    public void UserNameFor_FreeMobile_TakesMobileAndMarksItTaken()
    {
        var taken = new HashSet<string>();

        var name = BulkAccountRules.UserNameFor("139 1234 5678", "dy00042", taken);

        Assert.Equal("13912345678", name);
        Assert.Contains("13912345678", taken);
    }

    [Fact]
    public void UserNameFor_MobileTakenOrMissing_FallsBackToMemberRule()
    {
        var taken = new HashSet<string> { "13912345678" };

        Assert.Equal("dy00042", BulkAccountRules.UserNameFor("13912345678", "dy00042", taken));
        Assert.Equal("dy00043", BulkAccountRules.UserNameFor(null, "dy00043", taken));
        Assert.Equal("dy00044", BulkAccountRules.UserNameFor("0931-8123456", "dy00044", taken));
    }

    [Fact]
    public void UserNameFor_IdNumberInPhoneField_NeverBecomesUserName()
    {
        var name = BulkAccountRules.UserNameFor("620102198001011234", "dy00042", new HashSet<string>());

        Assert.Equal("dy00042", name);
    }

    [Fact]
    public void UserNameFor_SameMobileTwiceInOneBatch_SecondFallsBack()
    {
        var taken = new HashSet<string>();

        var first = BulkAccountRules.UserNameFor("13912345678", "dy00001", taken);
        var second = BulkAccountRules.UserNameFor("13912345678", "dy00002", taken);

        Assert.Equal(("13912345678", "dy00002"), (first, second));
    }

    [Fact]
    public void UserNameFor_FallbackTakenIgnoringCase_AddsNumberSuffix()
    {
        var taken = new HashSet<string> { "DY00042", "DY00042-2" };

        Assert.Equal("dy00042-3", BulkAccountRules.UserNameFor(null, "dy00042", taken));
    }

    [Theory]
    [InlineData(MemberStatus.Active, false, true)]
    [InlineData(MemberStatus.Active, true, false)]
    [InlineData(MemberStatus.TransferredOut, false, false)]
    [InlineData(MemberStatus.Deceased, false, false)]
    public void GetsMemberAccount_StatusAndAccount_OnlyActiveWithoutAccount(MemberStatus status, bool hasAccount, bool expected) =>
        Assert.Equal(expected, BulkAccountRules.GetsMemberAccount(status, hasAccount));

    [Theory]
    [InlineData(UnitKind.Community, Roles.CommunitySecretary)]
    [InlineData(UnitKind.Branch, Roles.BranchSecretary)]
    [InlineData(UnitKind.Street, null)]
    [InlineData(UnitKind.PartyGroup, null)]
    public void SecretaryAccountRole_MatchedSecretaryNoAccount_RoleByKind(UnitKind kind, string? expected) =>
        Assert.Equal(expected, BulkAccountRules.SecretaryAccountRole(kind, 7, new HashSet<string>()));

    [Fact]
    public void SecretaryAccountRole_VacantOrRoleHeld_None()
    {
        Assert.Null(BulkAccountRules.SecretaryAccountRole(UnitKind.Branch, null, new HashSet<string>()));
        Assert.Null(BulkAccountRules.SecretaryAccountRole(UnitKind.Branch, 7, new HashSet<string> { Roles.BranchSecretary }));
        Assert.Equal(Roles.BranchSecretary, BulkAccountRules.SecretaryAccountRole(UnitKind.Branch, 7, new HashSet<string> { Roles.Member }));
    }

    [Fact]
    public void SecretaryUserName_UnitId_PaddedWithPrefix() => Assert.Equal("sj00012", BulkAccountRules.SecretaryUserName(12));
}
