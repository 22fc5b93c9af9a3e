using Jishi.Web.Features.Volunteering;

namespace Jishi.UnitTests.Features.Volunteering;

public sealed class VolunteerHoursTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(14, 0)]
    [InlineData(15, 0.5)]
    [InlineData(44, 0.5)]
    [InlineData(45, 1.0)]
    [InlineData(74, 1.0)]
    [InlineData(75, 1.5)]
    [InlineData(104, 1.5)]
    [InlineData(105, 2.0)]
    [InlineData(119, 2.0)]
    [InlineData(180, 3.0)]
    public void Round_Minutes_NearestHalfHourQuarterUp(int minutes, double expected) =>
        Assert.Equal((decimal)expected, VolunteerHours.Round(TimeSpan.FromMinutes(minutes)));

    [Fact]
    public void Round_Negative_Zero() => Assert.Equal(0m, VolunteerHours.Round(TimeSpan.FromMinutes(-30)));

    [Fact]
    public void Served_EarlyArrivalLateDeparture_ClippedToSchedule()
    {
        var start = new DateTime(2026, 5, 1, 1, 0, 0, DateTimeKind.Utc);
        Assert.Equal(TimeSpan.FromHours(2), VolunteerHours.Served(start.AddHours(-1), start.AddHours(5), start, start.AddHours(2)));
        Assert.Equal(TimeSpan.FromMinutes(50), VolunteerHours.Served(start.AddMinutes(10), start.AddHours(1), start, start.AddHours(2)));
        Assert.Equal(TimeSpan.Zero, VolunteerHours.Served(start.AddHours(3), start.AddHours(4), start, start.AddHours(2)));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(99.5, 0)]
    [InlineData(100, 1)]
    [InlineData(299.5, 1)]
    [InlineData(300, 2)]
    [InlineData(600, 3)]
    [InlineData(1000, 4)]
    [InlineData(1499.5, 4)]
    [InlineData(1500, 5)]
    [InlineData(9000, 5)]
    public void Stars_DefaultThresholds_OnePerThresholdReached(double hours, int stars) =>
        Assert.Equal(stars, VolunteerHours.Stars((decimal)hours, VolunteeringOptions.DefaultStarHours));

    [Fact]
    public void Stars_ConfiguredThresholds_ReplaceDefaults()
    {
        var options = new VolunteeringOptions { StarHours = [50, 10] };
        Assert.Equal([10, 50], options.Stars);
        Assert.Equal(1, VolunteerHours.Stars(20, options.Stars));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(2.5, true)]
    [InlineData(24, true)]
    [InlineData(2.25, false)]
    [InlineData(-0.5, false)]
    [InlineData(24.5, false)]
    public void IsValid_OrganizerHours_HalfHourSteps(double hours, bool valid) => Assert.Equal(valid, VolunteerHours.IsValid((decimal)hours));

    [Fact]
    public void HalfHours_CheckedInAndOut_RoundedServedTimeUnlessOrganizerSetIt()
    {
        var start = new DateTime(2026, 5, 1, 1, 0, 0, DateTimeKind.Utc);
        var activity = new VolunteerActivity(1, null, "t", "c", "p", start, start.AddHours(3), 10, "u", start);
        var signup = ActivitySignup.ForMember(1, 7, start);
        signup.CheckIn(start.AddMinutes(5));
        Assert.Equal(0, signup.HalfHours(activity));
        Assert.Null(activity.CheckOut(signup, start.AddMinutes(100)));
        Assert.Null(activity.CheckOut(signup, start.AddMinutes(170)));
        Assert.Equal(3, signup.HalfHours(activity)); // 95 min served, the second check-out ignored
        signup.SetHours(2);
        Assert.Equal(4, signup.HalfHours(activity));
    }

    [Fact]
    public void CheckOut_WithoutCheckIn_Refused()
    {
        var start = new DateTime(2026, 5, 1, 1, 0, 0, DateTimeKind.Utc);
        var activity = new VolunteerActivity(1, null, "t", "c", "p", start, start.AddHours(3), 10, "u", start);
        Assert.Equal("Volunteering.NotCheckedIn", activity.CheckOut(ActivitySignup.ForMember(1, 7, start), start.AddHours(1)));
    }
}
