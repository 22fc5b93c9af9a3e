using Jishi.Web.Features.Maintenance;

namespace Jishi.UnitTests.Features.Maintenance;

public sealed class BackupScheduleTests
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "CST", "CST");
    private static readonly TimeOnly HalfPastTwo = new(2, 30);

    [Fact]
    public void NextRun_BeforeTheTimeToday_Today()
    {
        var now = new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.FromHours(8));

        Assert.Equal(new DateTimeOffset(2026, 12, 7, 2, 30, 0, TimeSpan.FromHours(8)), BackupSchedule.NextRun(now, HalfPastTwo, China));
    }

    [Fact]
    public void NextRun_AtOrAfterTheTime_Tomorrow()
    {
        var at = new DateTimeOffset(2026, 12, 7, 2, 30, 0, TimeSpan.FromHours(8));

        Assert.Equal(at.AddDays(1), BackupSchedule.NextRun(at, HalfPastTwo, China));
        Assert.Equal(at.AddDays(1), BackupSchedule.NextRun(at.AddHours(20), HalfPastTwo, China));
    }

    [Fact]
    public void NextRun_NowGivenInUtc_ReadsTheServerClock()
    {
        // 18:00 UTC is 02:00 the next morning in China: the run is half an hour later.
        var now = new DateTimeOffset(2026, 12, 6, 18, 0, 0, TimeSpan.Zero);

        Assert.Equal(now.AddMinutes(30), BackupSchedule.NextRun(now, HalfPastTwo, China));
    }

    [Theory]
    [InlineData("02:30", 2, 30)]
    [InlineData(" 23:05 ", 23, 5)]
    public void ParseDaily_HoursAndMinutes_TheTime(string text, int hour, int minute) =>
        Assert.Equal(new TimeOnly(hour, minute), BackupSchedule.ParseDaily(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2:30 am")]
    [InlineData("25:00")]
    public void ParseDaily_EmptyOrNotATime_Off(string? text) => Assert.Null(BackupSchedule.ParseDaily(text));

    [Fact]
    public void FileName_LocalTime_DateAndMinuteWithTheExtension() =>
        Assert.Equal("jishi-20261207-0230.db", BackupSchedule.FileName(new DateTimeOffset(2026, 12, 7, 2, 30, 59, TimeSpan.FromHours(8)), "db"));

    [Theory]
    [InlineData("jishi-20261207-0230.db", true)]
    [InlineData("jishi-20261207-0230.dump", true)]
    [InlineData("jishi.db", false)]
    [InlineData("../jishi-20261207-0230.db", false)]
    [InlineData("jishi-20261207-0230.db.partial", false)]
    [InlineData("jishi-2026127-0230.db", false)]
    public void IsBackupName_OnlyThePattern(string name, bool expected) => Assert.Equal(expected, BackupSchedule.IsBackupName(name));

    [Fact]
    public void ToDelete_MoreThanKept_TheOldestBeyondTheCount()
    {
        string[] names = ["jishi-20261205-0230.db", "jishi-20261207-0230.db", "notes.txt", "jishi-20261101-0230.dump", "jishi-20261206-0230.db"];

        Assert.Equal(["jishi-20261205-0230.db", "jishi-20261101-0230.dump"], BackupSchedule.ToDelete(names, 2));
    }

    [Fact]
    public void ToDelete_FewerThanKeptOrKeepZero_Nothing()
    {
        string[] names = ["jishi-20261205-0230.db", "jishi-20261207-0230.db"];

        Assert.Empty(BackupSchedule.ToDelete(names, 2));
        Assert.Empty(BackupSchedule.ToDelete(names, 0));
    }

    [Fact]
    public void TakenAt_BackupName_TheTimeInTheName() =>
        Assert.Equal(new DateTime(2026, 12, 7, 2, 30, 0), BackupSchedule.TakenAt("jishi-20261207-0230.db"));
}
