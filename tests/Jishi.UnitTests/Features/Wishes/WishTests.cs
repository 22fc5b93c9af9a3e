using Jishi.Web.Features.Wishes;

namespace Jishi.UnitTests.Features.Wishes;

public sealed class WishTests
{
    private static readonly DateTime At = new(2016, 5, 4, 2, 0, 0, DateTimeKind.Utc);

    private static Wish Submitted() => new(12, "王秀英", "13912345678", "家里水龙头漏水", "ABCDEFGH23", null, At);

    private static Wish Claimed(out WishClaim claim)
    {
        var wish = Submitted();
        wish.Publish("sq06", At);
        claim = wish.Claim(77, "sq06", At);
        return wish;
    }

    [Fact]
    public void New_Submitted_OnlyReviewable()
    {
        var wish = Submitted();

        Assert.Equal(WishStatus.Submitted, wish.Status);
        Assert.Null(wish.WhyNotReviewable());
        Assert.Equal("Wishes.NotClaimable", wish.WhyNotClaimable());
        Assert.Throws<InvalidOperationException>(() => wish.Claim(77, "sq06", At));
    }

    [Fact]
    public void Decline_Submitted_KeepsReasonAndRefusesPublication()
    {
        var wish = Submitted();

        wish.Decline("不属于微心愿范围", "sq06", At);

        Assert.Equal((WishStatus.Declined, "不属于微心愿范围", "sq06"), (wish.Status, wish.DeclineReason, wish.ReviewedBy));
        Assert.Equal("Wishes.NotSubmitted", wish.WhyNotReviewable());
        Assert.Throws<InvalidOperationException>(() => wish.Publish("sq06", At));
    }

    [Fact]
    public void Claim_Published_ActiveClaimAndNoSecondClaim()
    {
        var wish = Claimed(out var claim);

        Assert.Equal((WishStatus.Claimed, 77, true), (wish.Status, claim.MemberId, claim.IsActive));
        Assert.Equal("Wishes.NotClaimable", wish.WhyNotClaimable());
        Assert.Throws<InvalidOperationException>(() => wish.Claim(78, "sq06", At));
    }

    [Fact]
    public void Release_Claimed_BackOnWallAndClaimWithdrawn()
    {
        var wish = Claimed(out var claim);

        wish.Release(claim, "m77", At.AddHours(1));

        Assert.Equal((WishStatus.Published, false, "m77"), (wish.Status, claim.IsActive, claim.WithdrawnBy));
        Assert.Null(wish.WhyNotClaimable());
    }

    [Fact]
    public void Confirm_BeforeFulfilment_Refused()
    {
        var wish = Claimed(out _);

        Assert.Equal("Wishes.NotFulfilled", wish.WhyNotConfirmable());
        Assert.Throws<InvalidOperationException>(() => wish.Confirm(5, null, Wish.ResidentActor, At));
    }

    [Fact]
    public void Confirm_Twice_KeepsFirstRating()
    {
        var wish = Claimed(out var claim);
        wish.Fulfil("已上门更换水龙头", At.AddDays(1));

        wish.Confirm(5, "谢谢", Wish.ResidentActor, At.AddDays(2));
        wish.Confirm(2, "改主意了", "sq06", At.AddDays(3));

        Assert.Equal((WishStatus.Confirmed, 5, "谢谢", Wish.ResidentActor, At.AddDays(2)), (wish.Status, wish.Rating, wish.RatingComment, wish.ConfirmedBy, wish.ConfirmedAt));
        Assert.Equal("Wishes.NotClaimed", wish.WhyNotWithdrawable());
        Assert.Throws<InvalidOperationException>(() => wish.Release(claim, "sq06", At));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Confirm_RatingOutOfRange_Throws(int rating)
    {
        var wish = Claimed(out _);
        wish.Fulfil("已完成", At);

        Assert.Throws<ArgumentOutOfRangeException>(() => wish.Confirm(rating, null, "sq06", At));
        Assert.Equal(WishStatus.Fulfilled, wish.Status);
    }

    [Fact]
    public void SourceKey_IsWishColonId() => Assert.Equal("wish:42", Wish.SourceKeyOf(42));
}
