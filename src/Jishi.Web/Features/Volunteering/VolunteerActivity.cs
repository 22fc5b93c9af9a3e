using System.Security.Cryptography;

namespace Jishi.Web.Features.Volunteering;

public enum ActivityStatus
{
    Published = 0,
    Confirmed = 1,
    Cancelled = 2,
}

/// <summary>A 志愿服务 activity a unit publishes: people sign up until <see cref="Capacity"/>, check in and out by its QR code
/// (<see cref="Secret"/>) or the organizer's roll call, and the organizer confirms the hours once, which writes their
/// <see cref="ServiceRecord"/>s and posts the members' points.</summary>
public sealed class VolunteerActivity
{
    public const int MaxTitle = 100;
    public const int MaxContent = 2000;
    public const int MaxContact = 100;
    public const int MaxCapacity = 1000;

    private VolunteerActivity() { }

    public VolunteerActivity(int unitId, int? venueId, string title, string content, string contact, DateTime startsAt, DateTime endsAt,
        int capacity, string by, DateTime at)
    {
        UnitId = unitId;
        Secret = NewSecret();
        CreatedBy = by;
        CreatedAt = at;
        Change(venueId, title, content, contact, startsAt, endsAt, capacity);
    }

    public int Id { get; private set; }
    public int UnitId { get; private set; }
    public int? VenueId { get; private set; }
    public string Title { get; private set; } = "";
    public string Content { get; private set; } = "";

    /// <summary>Who to call: the organizer's name and phone, as published.</summary>
    public string Contact { get; private set; } = "";

    public DateTime StartsAt { get; private set; }
    public DateTime EndsAt { get; private set; }
    public int Capacity { get; private set; }

    /// <summary>How many have signed up; changed only by a conditional UPDATE in the sign-up's transaction, and a check
    /// constraint keeps it within <see cref="Capacity"/>, so the database itself refuses an oversubscription.</summary>
    public int SignedUp { get; private set; }

    /// <summary>The unguessable part of the check-in address /v/{secret} that the QR code carries.</summary>
    public string Secret { get; private set; } = "";

    public ActivityStatus Status { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public string? ConfirmedBy { get; private set; }
    public DateTime? ConfirmedAt { get; private set; }

    public static string NewSecret() => RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyz23456789", 16);

    public string? WhyNotEditable() => Status == ActivityStatus.Published ? null : "Volunteering.NotOpen";

    /// <summary>Capacity may not drop below those already signed up.</summary>
    public void Change(int? venueId, string title, string content, string contact, DateTime startsAt, DateTime endsAt, int capacity)
    {
        if (capacity < SignedUp)
        {
            throw new InvalidOperationException("Volunteering.CapacityBelowSignedUp");
        }
        VenueId = venueId;
        Title = title;
        Content = content;
        Contact = contact;
        StartsAt = startsAt;
        EndsAt = endsAt;
        Capacity = capacity;
    }

    public string? WhyNotSignUp(DateTime now) =>
        Status != ActivityStatus.Published ? "Volunteering.NotOpen"
        : now >= EndsAt ? "Volunteering.Ended"
        : null;

    /// <summary>Check-in opens an hour before the start and closes at the end: phones scan at the door, not from home.</summary>
    public string? WhyNotCheckIn(DateTime now) =>
        Status != ActivityStatus.Published ? "Volunteering.NotOpen"
        : now < StartsAt.AddHours(-1) ? "Volunteering.CheckInNotYet"
        : now > EndsAt.AddHours(2) ? "Volunteering.Ended"
        : null;

    /// <summary>Confirmed once, after the start; a repeated confirmation is allowed (and changes nothing) so that a retry
    /// after a failed award posts it.</summary>
    public string? WhyNotConfirmable(DateTime now) =>
        Status == ActivityStatus.Cancelled ? "Volunteering.NotOpen"
        : now < StartsAt ? "Volunteering.NotStarted"
        : null;

    public void Confirm(string by, DateTime at)
    {
        if (WhyNotConfirmable(at) is { } why)
        {
            throw new InvalidOperationException(why);
        }
        if (Status == ActivityStatus.Confirmed)
        {
            return;
        }
        Status = ActivityStatus.Confirmed;
        ConfirmedBy = by;
        ConfirmedAt = at;
    }

    /// <summary>The service records the confirmation writes: one per person with hours, none for those
    /// without.</summary>
    public IReadOnlyList<ServiceRecord> ServiceRecordsOf(IEnumerable<ActivitySignup> signups, int year, DateTime at)
    {
        if (Status != ActivityStatus.Confirmed)
        {
            throw new InvalidOperationException("Volunteering.NotConfirmed");
        }
        return signups.Select(s => (Signup: s, HalfHours: s.HalfHours(this))).Where(x => x.HalfHours > 0)
            .Select(x => new ServiceRecord(this, x.Signup, x.HalfHours, year, at)).ToList();
    }

    /// <summary>The organizer's own figure of a sign-up's hours, until the hours are confirmed; the resource key of why
    /// not, or null.</summary>
    public string? SetHours(ActivitySignup signup, decimal hours)
    {
        if (Status != ActivityStatus.Published)
        {
            return "Volunteering.AlreadyConfirmed";
        }
        signup.SetHours(hours);
        return null;
    }

    /// <summary>Checks a sign-up in, by scan or roll call; the resource key of why not, or null.</summary>
    public string? CheckIn(ActivitySignup signup, DateTime now)
    {
        if (WhyNotCheckIn(now) is { } why)
        {
            return why;
        }
        signup.CheckIn(now);
        return null;
    }

    public string? CheckOut(ActivitySignup signup, DateTime now) =>
        Status != ActivityStatus.Published ? "Volunteering.NotOpen" : signup.CheckOut(now);

    public void Cancel()
    {
        if (WhyNotEditable() is { } why)
        {
            throw new InvalidOperationException(why);
        }
        Status = ActivityStatus.Cancelled;
    }

    /// <summary>The ledger's source key of a member's award for this activity: one entry per activity and member.</summary>
    public static string SourceKeyOf(int activityId, int memberId) => $"activity:{activityId}:member:{memberId}";
}

/// <summary>One person's place in an activity: a party member or a registered resident volunteer (exactly one of the two),
/// with the check-in and check-out times and the organizer's own figure when the roll call corrected the hours.</summary>
public sealed class ActivitySignup
{
    private ActivitySignup() { }

    private ActivitySignup(int activityId, int? memberId, int? volunteerId, DateTime at)
    {
        ActivityId = activityId;
        MemberId = memberId;
        VolunteerId = volunteerId;
        SignedUpAt = at;
    }

    public static ActivitySignup ForMember(int activityId, int memberId, DateTime at) => new(activityId, memberId, null, at);

    public static ActivitySignup ForVolunteer(int activityId, int volunteerId, DateTime at) => new(activityId, null, volunteerId, at);

    public int Id { get; private set; }
    public int ActivityId { get; private set; }
    public int? MemberId { get; private set; }
    public int? VolunteerId { get; private set; }
    public DateTime SignedUpAt { get; private set; }
    public DateTime? CheckedInAt { get; private set; }
    public DateTime? CheckedOutAt { get; private set; }

    /// <summary>The organizer's hours in half hours, when set by the roll call; otherwise the times decide.</summary>
    public int? SetHalfHours { get; private set; }

    /// <summary>A second scan changes nothing: the first check-in is when the person arrived.</summary>
    public void CheckIn(DateTime at) => CheckedInAt ??= at;

    /// <summary>The first check-out counts (a second scan on the way home must not lengthen the service); one without a
    /// check-in is refused.</summary>
    public string? CheckOut(DateTime at)
    {
        if (CheckedInAt is null)
        {
            return "Volunteering.NotCheckedIn";
        }
        CheckedOutAt ??= at < CheckedInAt ? CheckedInAt : at;
        return null;
    }

    public void SetHours(decimal hours) => SetHalfHours = VolunteerHours.ToHalfHours(hours);

    public int HalfHours(VolunteerActivity activity) => SetHalfHours
        ?? (CheckedInAt is { } checkedIn && CheckedOutAt is { } checkedOut
            ? VolunteerHours.ToHalfHours(VolunteerHours.Round(VolunteerHours.Served(checkedIn, checkedOut, activity.StartsAt, activity.EndsAt)))
            : 0);
}

/// <summary>Confirmed hours of one person in one activity: the volunteer's own record, kept apart from points (residents
/// have no points) and counted per year and in total for the volunteer stars.</summary>
public sealed class ServiceRecord
{
    private ServiceRecord() { }

    public ServiceRecord(VolunteerActivity activity, ActivitySignup signup, int halfHours, int year, DateTime at)
    {
        ActivityId = activity.Id;
        MemberId = signup.MemberId;
        VolunteerId = signup.VolunteerId;
        Year = year;
        HalfHours = halfHours;
        ConfirmedAt = at;
    }

    public int Id { get; private set; }
    public int ActivityId { get; private set; }
    public int? MemberId { get; private set; }
    public int? VolunteerId { get; private set; }
    public int Year { get; private set; }

    /// <summary>Hours in whole half hours, so that sums are exact in SQL on both databases.</summary>
    public int HalfHours { get; private set; }

    public DateTime ConfirmedAt { get; private set; }

    public decimal Hours => HalfHours / 2m;
}
