using Jishi.Web.Features.Duties;

namespace Jishi.UnitTests.Features.Duties;

public sealed class KeyTaskRulesTests
{
    private static readonly DateOnly Deadline = new(2016, 6, 30);

    /// <summary>When a report is written: any fixed instant, the rules do not read it.</summary>
    private static readonly DateTime At = new(2016, 6, 2, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Rate_OnTimeLateAndNotDone_MeanOfOneHalfAndZero()
    {
        var rate = KeyTaskRules.Rate([(new DateOnly(2016, 6, 30), Deadline), (new DateOnly(2016, 7, 1), Deadline), (null, Deadline), (new DateOnly(2016, 1, 5), Deadline)]);

        Assert.Equal((1m + 0.5m + 0m + 1m) / 4, rate);
    }

    [Fact]
    public void Rate_NoCells_Null() => Assert.Null(KeyTaskRules.Rate([]));

    [Theory]
    [InlineData(0, null, "2016-06-01", KeyTaskStatus.NotStarted)]
    [InlineData(40, null, "2016-06-30", KeyTaskStatus.InProgress)]
    [InlineData(40, null, "2016-07-01", KeyTaskStatus.Overdue)]
    [InlineData(100, "2016-08-01", "2016-09-01", KeyTaskStatus.Done)]
    public void Status_ProgressAndDates_AsShownInMatrix(int progress, string? completed, string today, KeyTaskStatus expected) =>
        Assert.Equal(expected, KeyTaskRules.Status(progress, completed is null ? null : DateOnly.Parse(completed), Deadline, DateOnly.Parse(today)));

    [Fact]
    public void Report_BackBelowHundred_ClearsCompletion()
    {
        var task = new KeyTask(1, 2016, "规范三会一课", null, Deadline, 1, [5]);
        var cell = task.Cells[0];

        cell.Report("王建国", 100, new DateOnly(2016, 6, 1), "sq01", At);
        var done = cell.CompletedOn;
        cell.Report("王建国", 80, new DateOnly(2016, 6, 2), "sq01", At);

        Assert.Equal((new DateOnly(2016, 6, 1), (DateOnly?)null), (done, cell.CompletedOn));
        Assert.Throws<ArgumentOutOfRangeException>(() => cell.Report(null, 101, Deadline, "sq01", At));
    }

    [Theory]
    [InlineData(0.75, 75)]
    [InlineData(0.5, 50)]
    [InlineData(0.714285, 71.43)]
    public void ScoreOf_Rate_RateTimesMaxDailyScore(double rate, double expected) =>
        Assert.Equal(expected, KeyTaskDailyScores.ScoreOf((decimal)rate));

    [Fact]
    public void AddMissing_TemplateTwice_ItemsAddedOnce()
    {
        var list = new DutyList(5, 2016);

        var first = list.AddMissing(DutyList.DefaultTemplate);
        var second = list.AddMissing(DutyList.DefaultTemplate);

        Assert.Equal((DutyList.DefaultTemplate.Length, 0, DutyList.DefaultTemplate.Length), (first, second, list.Items.Count));
    }

    [Fact]
    public void ReplaceItems_FromItsOwnItems_KeepsThemWithNewStatus()
    {
        var list = new DutyList(5, 2016);
        list.AddMissing(DutyList.DefaultTemplate);

        list.ReplaceItems(list.Items.Select(i => (i.Category, i.Content, DutyStatus.Done, (string?)"已落实")), "sq01", At);

        Assert.Equal(DutyList.DefaultTemplate.Length, list.Items.Count);
        Assert.All(list.Items, i => Assert.Equal(DutyStatus.Done, i.Status));
    }
}
