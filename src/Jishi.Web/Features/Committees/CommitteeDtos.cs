namespace Jishi.Web.Features.Committees;

/// <summary>A seat as read: a vacant one has no member and no name.</summary>
public sealed record SeatDto(CommitteePost Post, int? MemberId, string? Name, bool Vacant);

public sealed record CommitteeDto(int Id, int UnitId, DateOnly ElectedOn, int TermYears, DateOnly TermEnds, int DaysLeft,
    DateOnly? ClosedOn, string RecordedBy, IReadOnlyList<SeatDto> Members);

/// <summary>A unit's current committee (none before one is recorded) and the earlier ones, latest first.</summary>
public sealed record UnitCommitteeDto(int UnitId, string UnitName, int DefaultTermYears, CommitteeDto? Current,
    IReadOnlyList<CommitteeDto> History);

/// <summary>A unit whose term ends within the days asked for, or is past (negative <see cref="DaysLeft"/>).</summary>
public sealed record TermDueDto(int UnitId, string UnitName, DateOnly ElectedOn, DateOnly TermEnds, int DaysLeft);

public static class CommitteeMapping
{
    public static CommitteeDto AsDto(this Committee c, IReadOnlyDictionary<int, string> names, DateOnly today) =>
        new(c.Id, c.UnitId, c.ElectedOn, c.TermYears, c.TermEnds, c.DaysLeft(today), c.ClosedOn, c.RecordedBy,
            c.Seats.OrderBy(s => s.Order).Select(s => new SeatDto(s.Post, s.MemberId,
                s.MemberId is { } id ? names.GetValueOrDefault(id) : null, s.IsVacant)).ToList());
}
