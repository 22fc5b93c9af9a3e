using Jishi.Web.Features.Dashboard;

namespace Jishi.UnitTests.Features.Dashboard;

public sealed class DashboardScopeTests
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8");

    // Two communities (5 and 6) with a branch each (50, 60); unit 99 lies outside the caller's subtree.
    private static DashboardScope Scope() => new("/1/", 2016, new DateOnly(2016, 6, 1), China,
        [new DashboardGroup(5, "东岗"), new DashboardGroup(6, "西站")], new Dictionary<int, int> { [5] = 5, [50] = 5, [6] = 6, [60] = 6 });

    [Fact]
    public void SumByGroup_UnitsOfACommunityAndOutsiders_SummedPerCommunityOutsidersDropped()
    {
        var sums = Scope().SumByGroup([(50, new[] { 2, 1 }), (5, new[] { 3, 0 }), (60, new[] { 4, 4 }), (99, new[] { 100, 100 })], 2);

        Assert.Equal(["东岗", "西站"], sums.Select(s => s.Group.Name));
        Assert.Equal([5, 1], sums[0].Sums);
        Assert.Equal([4, 4], sums[1].Sums);
    }

    [Fact]
    public void SumByGroup_CommunityWithoutFigures_ShowsZeros()
    {
        var sums = Scope().SumByGroup([(60, new[] { 1.5m })], 1);

        Assert.Equal(0m, sums[0].Sums[0]);
        Assert.Equal(1.5m, sums[1].Sums[0]);
    }

    [Fact]
    public void YearInUtc_ChinaTime_StartsAt16hOnNewYearsEve()
    {
        var (from, to) = Scope().YearInUtc;

        Assert.Equal(new DateTime(2015, 12, 31, 16, 0, 0), from);
        Assert.Equal(new DateTime(2016, 12, 31, 16, 0, 0), to);
        Assert.Equal(8, Scope().UtcOffsetHours);
    }
}
