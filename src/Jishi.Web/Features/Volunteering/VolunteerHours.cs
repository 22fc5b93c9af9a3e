namespace Jishi.Web.Features.Volunteering;

/// <summary>The arithmetic of volunteer hours: time served, its rounding to half hours and the star levels.</summary>
public static class VolunteerHours
{
    /// <summary>The time served within the scheduled time: an early arrival or a late departure adds nothing, so hours
    /// cannot be gained by scanning the code long before or after the activity.</summary>
    public static TimeSpan Served(DateTime checkedIn, DateTime checkedOut, DateTime startsAt, DateTime endsAt)
    {
        var from = checkedIn > startsAt ? checkedIn : startsAt;
        var to = checkedOut < endsAt ? checkedOut : endsAt;
        return to > from ? to - from : TimeSpan.Zero;
    }

    /// <summary>Rounds to the nearest half hour, an exact quarter upward: 1 h 14 min → 1.0, 1 h 15 min → 1.5, 1 h 44 min →
    /// 1.5, 1 h 45 min → 2.0, under 15 min → 0. Nearest rather than down because a phone scan at the door costs a few
    /// minutes either side, which should not cost the volunteer half an hour.</summary>
    public static decimal Round(TimeSpan served)
    {
        if (served <= TimeSpan.Zero)
        {
            return 0;
        }
        var quarters = (long)Math.Floor(served.TotalMinutes / 15);
        return (quarters + 1) / 2 * 0.5m;
    }

    public static int ToHalfHours(decimal hours) => (int)(hours * 2);

    /// <summary>Whether an organizer's figure is acceptable: 0 to 24 hours in whole half hours.</summary>
    public static bool IsValid(decimal hours) => hours is >= 0 and <= 24 && hours * 2 == Math.Floor(hours * 2);

    /// <summary>The star level (0 to the number of thresholds) for cumulative hours: one star per threshold reached.</summary>
    public static int Stars(decimal cumulativeHours, IReadOnlyList<int> thresholds) => thresholds.Count(t => cumulativeHours >= t);
}
