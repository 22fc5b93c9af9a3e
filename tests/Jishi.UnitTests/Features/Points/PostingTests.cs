using Jishi.Web.Features.Points.Postings;

namespace Jishi.UnitTests.Features.Points;

public sealed class PostingTests
{
    private static readonly DateTime At = new(2016, 4, 5, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void New_FiveDaysFromApril5_ClosesOnApril9()
    {
        var posting = new Posting(3, 2016, 1, new DateOnly(2016, 4, 5), Posting.DefaultDays, "sq01", At);

        Assert.Equal(new DateOnly(2016, 4, 9), posting.ClosesOn);
    }

    [Theory]
    [InlineData("2016-04-04", false)]
    [InlineData("2016-04-05", true)]
    [InlineData("2016-04-09", true)]
    [InlineData("2016-04-10", false)]
    public void IsOpenOn_WindowDays_BothEndsIncluded(string day, bool open)
    {
        var posting = new Posting(3, 2016, 1, new DateOnly(2016, 4, 5), 5, "sq01", At);

        Assert.Equal(open, posting.IsOpenOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(1, "2016-01-01", "2016-03-31")]
    [InlineData(4, "2016-10-01", "2016-12-31")]
    public void Covers_Quarter_FirstToLastDay(int quarter, string first, string last)
    {
        var posting = new Posting(3, 2016, quarter, new DateOnly(2017, 1, 5), 5, "sq01", At);
        var (from, to) = (DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(posting.Covers(from) && posting.Covers(to));
        Assert.False(posting.Covers(from.AddDays(-1)) || posting.Covers(to.AddDays(1)));
    }

    [Fact]
    public void Resolve_Twice_SecondRefused()
    {
        var objection = new Objection(1, 9, "未参加", "sq01", At);

        objection.Resolve(ObjectionStatus.Rejected, "核对签到表确已参加", null, "sq01", At);

        Assert.Equal(ObjectionStatus.Rejected, objection.Status);
        Assert.Throws<InvalidOperationException>(() => objection.Resolve(ObjectionStatus.Reversed, "撤销", 12, "sq01", At));
    }

    [Fact]
    public void Resolve_ReversedWithoutEntry_Refused()
    {
        var objection = new Objection(1, 9, "未参加", "sq01", At);

        Assert.Throws<ArgumentException>(() => objection.Resolve(ObjectionStatus.Reversed, "撤销", null, "sq01", At));
        Assert.Equal(ObjectionStatus.Open, objection.Status);
    }
}
