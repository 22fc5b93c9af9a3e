namespace Jishi.Web.Features.Volunteering;

/// <summary>Activities are stored in UTC and shown, dated and counted per year in the server's local time.</summary>
public static class LocalTime
{
    public static DateTime ToLocal(this TimeProvider clock, DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, clock.LocalTimeZone);

    public static DateTime ToUtc(this TimeProvider clock, DateTime local) => TimeZoneInfo.ConvertTimeToUtc(local, clock.LocalTimeZone);
}
