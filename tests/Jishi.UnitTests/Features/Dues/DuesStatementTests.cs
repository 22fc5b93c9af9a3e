using Jishi.Web.Features.Dues;

namespace Jishi.UnitTests.Features.Dues;

public sealed class DuesStatementTests
{
    [Fact]
    public void Months_PaidAtAnOlderBase_DueWhatWasPaid()
    {
        var months = DuesStatement.Months(2030, 3_000, null, new Dictionary<int, long> { [203002] = 1_500 });

        Assert.Equal(new DuesMonthFen(203002, 1_500, 1_500), months[1]);
        Assert.Equal(new DuesMonthFen(203003, 3_000, 0), months[2]);
    }

    [Fact]
    public void Months_BeforeJoining_NothingDue()
    {
        var months = DuesStatement.Months(2030, 1_500, new DateOnly(2030, 4, 20), new Dictionary<int, long>());

        Assert.Equal([0, 0, 0, 1_500], months.Take(4).Select(m => m.DueFen));
    }

    [Fact]
    public void ArrearsFen_UnpaidMonthsUpToTheCurrentOne_Summed()
    {
        var months = DuesStatement.Months(2030, 1_500, null, new Dictionary<int, long> { [203001] = 1_500 });

        Assert.Equal(4 * 1_500, DuesStatement.ArrearsFen(months, 203005));
        Assert.Equal(0, DuesStatement.ArrearsFen(DuesStatement.Months(2030, null, null, new Dictionary<int, long>()), 203012));
    }
}
