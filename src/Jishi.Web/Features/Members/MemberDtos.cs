using Jishi.Web.Shared;

namespace Jishi.Web.Features.Members;

/// <summary>A roster row: API.md's <c>{ id, name, unitId, tier, status }</c> plus what the roster screen shows.</summary>
public sealed record MemberListItem(int Id, string Name, int UnitId, string Tier, MemberStatus Status,
    string UnitName, string Gender, MemberCategory Category, DateOnly? JoinedOn, string? Phone, string? IdNumber, string? Position);

public sealed record MemberDetail(int Id, string Name, string Gender, string? Ethnicity, DateOnly? BirthDate, string? IdNumber,
    string? Education, MemberCategory Category, int UnitId, string UnitName, DateOnly? JoinedOn, DateOnly? FullMemberOn,
    string? Post, string? Phone, string? Address, bool MembershipSuspended, bool IsLost, string? LostSince, bool IsFloating,
    string? FloatingTo, string Tier, string? Position, MemberStatus Status)
{
    public string? Landline { get; init; }

    /// <summary>Columns of an imported roster that Jishi has no field for, by header.</summary>
    public IReadOnlyDictionary<string, string> ExtraFields { get; init; } = new Dictionary<string, string>();
}

public sealed record TransferDto(int Id, int FromUnitId, string FromUnitName, int ToUnitId, string ToUnitName, DateOnly On, string? Note);

public static class MemberMapping
{
    public static MemberDetail AsDetail(this Member m, bool clear) => new(m.Id, m.Name, m.Gender, m.Ethnicity, m.BirthDate,
        clear ? m.IdNumber : Masking.IdNumber(m.IdNumber), m.Education, m.Category, m.UnitId, m.Unit?.Name ?? "", m.JoinedOn,
        m.FullMemberOn, m.Post, clear ? m.Phone : Masking.Phone(m.Phone), m.Address, m.MembershipSuspended, m.IsLost,
        m.LostSince, m.IsFloating, m.FloatingTo, m.Tier, m.Position, m.Status)
    {
        Landline = clear ? m.Landline : Masking.Phone(m.Landline),
        ExtraFields = m.ExtraFields,
    };
}
