using System.Globalization;
using Jishi.Web.Features.Points;
using Jishi.Web.Features.Points.Postings;

namespace Jishi.UnitTests.Features.Points;

public sealed class PostingRuleTests
{
    private static readonly DateOnly Today = new(2016, 4, 5);

    private static readonly DateTime At = new(2016, 4, 5, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ProblemsOf_QuarterJustEnded_None() =>
        Assert.Empty(Posting.ProblemsOf(2016, 1, Posting.DefaultDays, Today, Today));

    [Fact]
    public void ProblemsOf_EveryFieldWrong_OneProblemEach()
    {
        var problems = Posting.ProblemsOf(2017, 5, Posting.MaxDays + 1, Today.AddDays(Posting.MaxDays + 1), Today);

        Assert.Equal(["year", "quarter", "days", "opensOn"], problems.Select(p => p.Field));
    }

    [Theory]
    [InlineData(1999, 1, 1)]
    [InlineData(2016, 0, 1)]
    [InlineData(2016, 1, 0)]
    public void ProblemsOf_OutOfRange_Refused(int year, int quarter, int days) =>
        Assert.Single(Posting.ProblemsOf(year, quarter, days, Today, Today));

    [Fact]
    public void ProblemsOf_NoQuarter_Refused() =>
        Assert.Equal("quarter", Assert.Single(Posting.ProblemsOf(2016, null, 5, Today, Today)).Field);

    [Fact]
    public void ProblemsOf_OpenedOnPaperEarlier_Accepted() =>
        Assert.Empty(Posting.ProblemsOf(2015, 4, 5, new DateOnly(2016, 1, 4), Today));

    [Theory]
    [InlineData(true, EntryStatus.Approved, "2016-02-10", true)]
    [InlineData(false, EntryStatus.Approved, "2016-02-10", false)]
    [InlineData(true, EntryStatus.Pending, "2016-02-10", false)]
    [InlineData(true, EntryStatus.Approved, "2016-04-01", false)]
    public void Lists_EntryOfTheQuarter_OnlyApprovedInUnit(bool inUnit, EntryStatus status, string on, bool listed)
    {
        var posting = new Posting(3, 2016, 1, Today, 5, "sq01", At);

        Assert.Equal(listed, posting.Lists(inUnit, status, DateOnly.Parse(on, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(null, "Points.ReasonRequired")]
    [InlineData("  ", "Points.ReasonRequired")]
    [InlineData("未参加", null)]
    public void ReasonProblem_Reason_RequiredOnly(string? reason, string? code) =>
        Assert.Equal(code, Objection.ReasonProblem(reason)?.Problems.Single().Code);

    [Fact]
    public void ReasonProblem_TooLong_Refused()
    {
        var problem = Objection.ReasonProblem(new string('字', Objection.MaxText + 1));

        Assert.Equal("Text.TooLong", problem!.Problems.Single().Code);
    }
}
