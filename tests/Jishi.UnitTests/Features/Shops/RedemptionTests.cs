using Jishi.Web.Features.Shops;

namespace Jishi.UnitTests.Features.Shops;

public sealed class RedemptionTests
{
    private static readonly DateTime At = new(2016, 12, 5, 2, 30, 0, DateTimeKind.Utc);

    private static Redemption Issued() =>
        new(3, 7, 2016, "req-1", [new RedemptionLine(11, 2, 5m), new RedemptionLine(12, 1, 30m)], "sq01", At);

    [Fact]
    public void New_Lines_IssuedWithTheirPointsAndOpen()
    {
        var r = Issued();
        Assert.Equal(RedemptionStatus.Issued, r.Status);
        Assert.Equal(40m, r.PointsSpent);
        Assert.Null(r.WhyNotOpen());
        Assert.Null(r.ClosedAt);
    }

    [Fact]
    public void PickUp_Issued_PickedUpByAndAt()
    {
        var r = Issued();
        Assert.Null(r.PickUp("sq02", At.AddHours(1)));
        Assert.Equal(RedemptionStatus.PickedUp, r.Status);
        Assert.Equal("sq02", r.ClosedBy);
        Assert.Equal(At.AddHours(1), r.ClosedAt);
    }

    [Fact]
    public void Cancel_Issued_CancelledByAndAt()
    {
        var r = Issued();
        Assert.Null(r.Cancel("sq02", At.AddDays(1)));
        Assert.Equal(RedemptionStatus.Cancelled, r.Status);
        Assert.Equal("sq02", r.ClosedBy);
        Assert.Equal(At.AddDays(1), r.ClosedAt);
    }

    [Fact]
    public void PickUpOrCancel_PickedUp_RefusedAlreadyPickedUpAndUnchanged()
    {
        var r = Issued();
        r.PickUp("sq02", At.AddHours(1));
        Assert.Equal("Shops.AlreadyPickedUp", r.PickUp("sq03", At.AddHours(2))?.Code);
        Assert.Equal("Shops.AlreadyPickedUp", r.Cancel("sq03", At.AddHours(2))?.Code);
        Assert.Equal(409, r.WhyNotOpen()?.Status);
        Assert.Equal((RedemptionStatus.PickedUp, "sq02", At.AddHours(1)), (r.Status, r.ClosedBy, r.ClosedAt));
    }

    [Fact]
    public void PickUpOrCancel_Cancelled_RefusedAlreadyCancelledAndUnchanged()
    {
        var r = Issued();
        r.Cancel("sq02", At.AddHours(1));
        Assert.Equal("Shops.AlreadyCancelled", r.PickUp("sq03", At.AddHours(2))?.Code);
        Assert.Equal("Shops.AlreadyCancelled", r.Cancel("sq03", At.AddHours(2))?.Code);
        Assert.Equal((RedemptionStatus.Cancelled, "sq02", At.AddHours(1)), (r.Status, r.ClosedBy, r.ClosedAt));
    }
}
