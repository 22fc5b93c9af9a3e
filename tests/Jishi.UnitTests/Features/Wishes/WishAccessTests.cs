using Jishi.Web.Features.Wishes;

namespace Jishi.UnitTests.Features.Wishes;

public sealed class WishAccessTests
{
    private const string Street = "/1/";
    private const string Community = "/1/6/";
    private const string OtherCommunity = "/1/7/";
    private const string OtherStreet = "/2/";

    private static WishSpot Wish(WishStatus status = WishStatus.Published, int? claimer = null, string path = Community) =>
        new(42, path, claimer, status);

    private static WishAccess Secretary(string scope = Community, bool seesSensitive = true) => new(true, scope, null, null, seesSensitive);

    private static WishAccess Member(int id = 77, string street = Street) => new(false, "-", id, street, false);

    private static readonly WishAccess Anyone = new(false, "-", null, null, false);

    [Theory]
    [InlineData(Community, true)]
    [InlineData(Street, true)]
    [InlineData(OtherCommunity, false)]
    [InlineData("-", false)]
    public void Oversees_StaffScope_OnlyWithinSubtree(string scope, bool oversees) =>
        Assert.Equal(oversees, Secretary(scope).Oversees(Wish()));

    [Fact]
    public void Oversees_NotStaff_NeverEvenWithScope() =>
        Assert.False(new WishAccess(false, Community, null, null, true).Oversees(Wish()));

    [Theory]
    [InlineData(WishStatus.Submitted, false)]
    [InlineData(WishStatus.Declined, false)]
    [InlineData(WishStatus.Published, true)]
    [InlineData(WishStatus.Claimed, true)]
    [InlineData(WishStatus.Fulfilled, true)]
    [InlineData(WishStatus.Confirmed, true)]
    public void Sees_MemberOfStreet_OnlyOnceOnTheWall(WishStatus status, bool sees) =>
        Assert.Equal(sees, Member().Sees(Wish(status)));

    [Fact]
    public void Sees_MemberOfOtherStreet_Nothing() => Assert.False(Member(street: OtherStreet).Sees(Wish()));

    [Theory]
    [InlineData(WishStatus.Submitted)]
    [InlineData(WishStatus.Declined)]
    public void Sees_StaffOverIt_WhateverItsState(WishStatus status) => Assert.True(Secretary().Sees(Wish(status)));

    [Fact]
    public void Sees_Claimer_OutsideTheirStreet() =>
        Assert.True(Member(street: OtherStreet).Sees(Wish(WishStatus.Claimed, claimer: 77)));

    [Fact]
    public void Sees_NoRoleNoMember_Nothing() => Assert.False(Anyone.Sees(Wish()));

    [Fact]
    public void MayActAsClaimer_ClaimerOrStaffOverIt_NotAnotherMember()
    {
        var claimed = Wish(WishStatus.Claimed, claimer: 77);

        Assert.True(Member(77).MayActAsClaimer(claimed));
        Assert.True(Secretary().MayActAsClaimer(claimed));
        Assert.False(Member(78).MayActAsClaimer(claimed));
        Assert.False(Secretary(OtherCommunity).MayActAsClaimer(claimed));
    }

    [Fact]
    public void MayClaimForSelf_MemberOfStreet_NotOtherStreetOrStaffWithoutMember()
    {
        Assert.True(Member().MayClaimForSelf(Wish()));
        Assert.False(Member(street: OtherStreet).MayClaimForSelf(Wish()));
        Assert.False(Secretary().MayClaimForSelf(Wish()));
    }

    [Fact]
    public void SeesResident_StaffWhoSeePersonalData_InClear()
    {
        Assert.True(Secretary().SeesResident(Wish()));
        Assert.False(Secretary(seesSensitive: false).SeesResident(Wish()));
        Assert.False(Secretary(OtherCommunity).SeesResident(Wish()));
    }

    [Fact]
    public void SeesResident_Claimer_InClear_OtherMembersMasked()
    {
        var claimed = Wish(WishStatus.Claimed, claimer: 77);

        Assert.True(Member(77).SeesResident(claimed));
        Assert.False(Member(78).SeesResident(claimed));
    }

    [Fact]
    public void ResidentNameAndPhone_Masked_UnlessSeesResident()
    {
        var claimed = Wish(WishStatus.Claimed, claimer: 77);

        Assert.Equal(("王秀英", "13912345678"), (Member(77).ResidentName(claimed, "王秀英"), Member(77).ResidentPhone(claimed, "13912345678")));
        Assert.Equal(("王**", "139****5678"), (Member(78).ResidentName(claimed, "王秀英"), Member(78).ResidentPhone(claimed, "13912345678")));
    }

    [Fact]
    public void SeesTrackingCode_StaffOverIt_NotEvenTheClaimer()
    {
        var claimed = Wish(WishStatus.Claimed, claimer: 77);

        Assert.True(Secretary(seesSensitive: false).SeesTrackingCode(claimed));
        Assert.False(Member(77).SeesTrackingCode(claimed));
        Assert.False(Secretary(OtherCommunity).SeesTrackingCode(claimed));
    }

    [Theory]
    [InlineData("王秀英", "王**")]
    [InlineData("欧阳小明", "欧***")]
    [InlineData("李", "李")]
    public void MaskName_KeepsFamilyCharacterOnly(string name, string masked) => Assert.Equal(masked, WishAccess.MaskName(name));
}
