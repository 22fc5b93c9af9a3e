using System.Globalization;
using Jishi.Web.Features.Volunteering;

namespace Jishi.Web.Data;

/// <summary>Dates the 2016 story of the demo around the day it is loaded (ADR-014). The story's year becomes this year, earlier
/// years keep their distance (2015 is last year); a story date of 2016 is compressed into [1 January, today], keeping the order
/// and 13 February (the review meeting) once today is past it; a date after the story's end (31 December 2016) keeps its
/// distance from today. What already happened is never after today, and an open deadline the story has missed is overdue by
/// weeks, not years. <c>Jishi:DemoToday</c> (yyyy-MM-dd) replaces the clock's local today; 2016-12-31 is the story as written.</summary>
public sealed class DemoCalendar
{
    public const int StoryYear = 2016;

    /// <summary>How long an open deadline of the story is overdue at most, away from the story's own calendar.</summary>
    public const int MaxOverdueDays = 42;

    private static readonly DateOnly StoryStart = new(StoryYear, 1, 1);
    private static readonly DateOnly StoryEnd = new(StoryYear, 12, 31);
    private static readonly int Knot = new DateOnly(StoryYear, 2, 13).DayNumber - StoryStart.DayNumber;

    private readonly DateOnly _start;
    private readonly DateTime _now;

    public DemoCalendar(TimeProvider clock, IConfiguration config)
    {
        if (config["Jishi:DemoToday"] is { Length: > 0 } given)
        {
            Today = DateOnly.ParseExact(given, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            _now = clock.ToUtc(Today.ToDateTime(new TimeOnly(23, 59)));
        }
        else
        {
            Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
            _now = clock.GetUtcNow().UtcDateTime;
        }
        _start = new DateOnly(Today.Year, 1, 1);
    }

    /// <summary>The day the demo is dated to (the street's local date).</summary>
    public DateOnly Today { get; }

    /// <summary>True on the story's own last day, where every date is the story's.</summary>
    public bool IsStory => Today == StoryEnd;

    /// <summary>The demo's year for a year of the story: 2016 is this year, 2015 last year.</summary>
    public int Year(int storyYear) => storyYear + Today.Year - StoryYear;

    /// <summary>The day of the story's review meeting: 13 February of this year (still ahead in January and early February,
    /// while the campaign is a draft).</summary>
    public DateOnly ReviewMeeting => new(Today.Year, 2, 13);

    /// <summary>A day on which something already happened in the story: never after today.</summary>
    public DateOnly Date(int year, int month, int day) => Date(new DateOnly(year, month, day));

    public DateOnly Date(DateOnly story) => Past(Map(story));

    /// <summary>A deadline of the story: mapped like any date, but it may lie ahead.</summary>
    public DateOnly Due(int year, int month, int day) => Map(new DateOnly(year, month, day));

    /// <summary>A deadline the story has missed and that is still open: overdue by <see cref="MaxOverdueDays"/> at most.</summary>
    public DateOnly Overdue(int year, int month, int day)
    {
        var due = Date(year, month, day);
        var earliest = Today.AddDays(-MaxOverdueDays);
        return IsStory || due >= earliest ? due : earliest;
    }

    /// <summary>An instant (UTC) at which something happened in the story: its day mapped, its time kept, never after now.</summary>
    public DateTime At(int year, int month, int day, int hour, int minute = 0) => At(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc));

    public DateTime At(DateTime storyUtc) =>
        Past(Map(DateOnly.FromDateTime(storyUtc)).ToDateTime(TimeOnly.FromDateTime(storyUtc), DateTimeKind.Utc));

    /// <summary>An instant already re-dated (a day of this calendar plus some hours): never after now.</summary>
    public DateTime Past(DateTime utc) => IsStory || utc <= _now ? utc : _now;

    private DateOnly Past(DateOnly date) => IsStory || date <= Today ? date : Today;

    private DateOnly Map(DateOnly story)
    {
        if (story.Year < StoryYear)
        {
            var year = Year(story.Year);
            return new DateOnly(year, story.Month, Math.Min(story.Day, DateTime.DaysInMonth(year, story.Month)));
        }
        if (story > StoryEnd)
        {
            return Today.AddDays(story.DayNumber - StoryEnd.DayNumber);
        }
        var day = story.DayNumber - StoryStart.DayNumber;
        var span = StoryEnd.DayNumber - StoryStart.DayNumber;
        var elapsed = Today.DayNumber - _start.DayNumber;
        if (elapsed <= Knot)
        {
            return _start.AddDays(day * elapsed / span);
        }
        return _start.AddDays(day <= Knot ? day : Knot + (day - Knot) * (elapsed - Knot) / (span - Knot));
    }
}
