using Jishi.Web.Features.Points;

namespace Jishi.Web.Features.Volunteering;

public sealed record ActivityDto(int Id, int UnitId, string UnitName, int? VenueId, string? VenueName, string Title, string Content,
    string Contact, DateTime StartsAt, DateTime EndsAt, int Capacity, int SignedUp, ActivityStatus Status, string Secret,
    string CreatedBy, DateTime CreatedAt, string? ConfirmedBy, DateTime? ConfirmedAt, DateTime? PostedUntil);

public enum PersonKind
{
    Member = 0,
    Volunteer = 1,
}

/// <summary>One sign-up as the organizer sees it: the hours the times (or the organizer) give, and the ledger entry its
/// confirmation posted for a member.</summary>
public sealed record SignupDto(int Id, PersonKind Kind, int PersonId, string Name, string? Phone, DateTime SignedUpAt,
    DateTime? CheckedInAt, DateTime? CheckedOutAt, decimal Hours, bool HoursSet, long? EntryId = null, EntryStatus? EntryStatus = null,
    decimal? EntryPoints = null);

public sealed record ActivityDetail(ActivityDto Activity, IReadOnlyList<SignupDto> Signups);

/// <summary>A person whose confirmed hours posted no points, and why (the tier's rules have no such item, the ledger refused).</summary>
public sealed record NotAwarded(int MemberId, string Name, string Reason);

public sealed record ConfirmOutcome(ActivityDetail Detail, IReadOnlyList<NotAwarded> NotAwarded);
