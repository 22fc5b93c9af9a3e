using Microsoft.Extensions.Time.Testing;

namespace Jishi.Testing;

/// <summary>The clock of every test host: a <see cref="FakeTimeProvider"/>, so no test reads the wall clock and a run across
/// midnight or new year means nothing. Linked into the integration and the browser tests.</summary>
public static class TestClock
{
    /// <summary>Friday 2030-06-14, 10:00 in Beijing. Not the demo's 2016 (the test hosts date the demo by Jishi:DemoToday),
    /// so what a test posts "today" never lands in the demo's year; mid-year and mid-morning, so no test crosses a day,
    /// month or year. In the future of the machines that run the tests, because the browser (and HttpClient's cookie jar)
    /// keep real time: a cookie the server dates from this clock (the language cookie's year) must not expire in their
    /// past, or it is dropped and, with a start far in the past, sign-in and the language switch break.</summary>
    public static readonly DateTimeOffset Start = new(2030, 6, 14, 2, 0, 0, TimeSpan.Zero);

    /// <summary>Each read moves the clock on by a millisecond, so that rows written one after the other keep their order
    /// by time, as on a real clock; a whole suite moves it by minutes, never across the day. What waits for the clock
    /// (the big screen's one-second poll, the daily backup) waits until its test advances it.</summary>
    public static FakeTimeProvider Create(DateTimeOffset? start = null) =>
        new(start ?? Start) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    /// <summary>The server's today: the date in the clock's local time zone, as the product dates things.</summary>
    public static DateOnly ServerToday(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary><see cref="ServerToday"/> as the API writes a date.</summary>
    public static string ServerTodayText(this TimeProvider clock) =>
        clock.ServerToday().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
