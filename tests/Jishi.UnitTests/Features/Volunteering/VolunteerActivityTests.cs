using Jishi.Web.Features.Volunteering;

namespace Jishi.UnitTests.Features.Volunteering;

public sealed class VolunteerActivityTests
{
    private static readonly DateTime Start = new(2026, 5, 1, 1, 0, 0, DateTimeKind.Utc);

    private static VolunteerActivity Activity() =>
        new(1, null, "清扫楼道", "清扫楼道", "张三 13800000000", Start, Start.AddHours(2), 10, "sq01", Start.AddDays(-3));

    [Fact]
    public void SetHours_Published_SetsTheOrganizersFigure()
    {
        var activity = Activity();
        var signup = ActivitySignup.ForMember(activity.Id, 7, Start.AddDays(-1));
        Assert.Null(activity.SetHours(signup, 1.5m));
        Assert.Equal(3, signup.HalfHours(activity));
    }

    [Fact]
    public void SetHours_Confirmed_RefusedAndUnchanged()
    {
        var activity = Activity();
        var signup = ActivitySignup.ForMember(activity.Id, 7, Start.AddDays(-1));
        activity.Confirm("sq01", Start.AddHours(3));
        Assert.Equal("Volunteering.AlreadyConfirmed", activity.SetHours(signup, 1.5m));
        Assert.Null(signup.SetHalfHours);
    }

    [Fact]
    public void SetHours_Cancelled_Refused()
    {
        var activity = Activity();
        activity.Cancel();
        Assert.Equal("Volunteering.AlreadyConfirmed", activity.SetHours(ActivitySignup.ForVolunteer(activity.Id, 3,
            Start), 2m));
    }

    [Fact]
    public void ServiceRecordsOf_Confirmed_OneRecordPerPersonWithHours()
    {
        var activity = Activity();
        var served = ActivitySignup.ForMember(activity.Id, 7, Start.AddDays(-1));
        served.CheckIn(Start);
        served.CheckOut(Start.AddHours(2));
        var set = ActivitySignup.ForVolunteer(activity.Id, 3, Start.AddDays(-1));
        set.SetHours(1m);
        var absent = ActivitySignup.ForMember(activity.Id, 8, Start.AddDays(-1));
        activity.Confirm("sq01", Start.AddHours(3));

        var records = activity.ServiceRecordsOf([served, set, absent], 2026, Start.AddHours(3));

        Assert.Equal([(7, (int?)null, 4), (null, 3, 2)], records.Select(r => (r.MemberId, r.VolunteerId, r.HalfHours)));
        Assert.All(records, r => Assert.Equal(2026, r.Year));
    }

    [Fact]
    public void ServiceRecordsOf_NotConfirmed_Throws() =>
        Assert.Throws<InvalidOperationException>(() => Activity().ServiceRecordsOf([], 2026, Start));
}
