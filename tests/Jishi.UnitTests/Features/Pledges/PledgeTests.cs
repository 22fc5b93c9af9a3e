using Jishi.Web.Features.Pledges;

namespace Jishi.UnitTests.Features.Pledges;

public sealed class PledgeTests
{
    private static readonly DateTime At = new(2016, 1, 12, 2, 0, 0, DateTimeKind.Utc);

    private static Pledge Draft() => new(7, 2016, [("结对帮扶困难户", "2户"), ("参加志愿服务", "40小时")], "sq01", At);

    [Fact]
    public void New_Items_NumberedInOrderAndDraft()
    {
        var pledge = Draft();

        Assert.Equal(PledgeStatus.Draft, pledge.Status);
        Assert.Equal([(1, "结对帮扶困难户", "2户"), (2, "参加志愿服务", "40小时")], pledge.Items.Select(i => (i.Position, i.Text, i.Target)));
    }

    [Fact]
    public void Keep_Draft_RefusedAsNotPublished()
    {
        var pledge = Draft();

        Assert.Equal("Pledges.NotPublished", pledge.WhyNotClosable(PledgeStatus.Kept));
        Assert.Throws<InvalidOperationException>(() => pledge.Keep("照片", "sq01", At));
        Assert.Equal("Pledges.NotPublished", pledge.WhyNotRatable());
    }

    [Fact]
    public void Publish_Twice_SecondRefusedAndItemsFrozen()
    {
        var pledge = Draft();
        pledge.Publish(At);

        Assert.Equal("Pledges.NotDraft", pledge.WhyNotPublishable());
        Assert.Throws<InvalidOperationException>(() => pledge.Publish(At));
        Assert.Throws<InvalidOperationException>(() => pledge.ReplaceItems([("别的", "1次")]));
    }

    [Fact]
    public void Keep_Published_KeptWithEvidenceAndRepeatKeepsFirstEvidence()
    {
        var pledge = Draft();
        pledge.Publish(At);

        pledge.Keep("签字确认", "sq01", At.AddDays(60));
        pledge.Keep("第二次", "sq02", At.AddDays(61));

        Assert.Equal((PledgeStatus.Kept, "签字确认", "sq01"), (pledge.Status, pledge.Outcome, pledge.ClosedBy));
        Assert.Equal("pledge:0", pledge.SourceKey);
    }

    [Fact]
    public void NotKept_AfterKept_Refused()
    {
        var pledge = Draft();
        pledge.Publish(At);
        pledge.Keep("签字确认", "sq01", At);

        Assert.Equal("Pledges.AlreadyClosed", pledge.WhyNotClosable(PledgeStatus.NotKept));
        Assert.Throws<InvalidOperationException>(() => pledge.MarkNotKept("未完成", "sq01", At));
    }

    [Fact]
    public void Keep_AfterNotKept_Refused()
    {
        var pledge = Draft();
        pledge.Publish(At);
        pledge.MarkNotKept("调离本社区，未完成", "sq01", At);

        Assert.Equal("Pledges.AlreadyClosed", pledge.WhyNotClosable(PledgeStatus.Kept));
        Assert.Equal((PledgeStatus.NotKept, "调离本社区，未完成"), (pledge.Status, pledge.Outcome));
    }

    [Fact]
    public void Rate_PublishedThenChanged_LastGradeStands()
    {
        var pledge = Draft();
        pledge.Publish(At);

        pledge.Rate("较好", "继续坚持", "sq01", At);
        pledge.Rate("好", null, "sq01", At.AddDays(1));

        Assert.Equal(("好", (string?)null), (pledge.Grade, pledge.GradeComment));
        Assert.Throws<ArgumentOutOfRangeException>(() => pledge.Rate("优秀", null, "sq01", At));
    }
}
