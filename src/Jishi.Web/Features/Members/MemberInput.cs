namespace Jishi.Web.Features.Members;

/// <summary>What a caller sends to create or change a member (API, screen and Excel import alike).</summary>
public sealed record MemberInput
{
    public string Name { get; init; } = "";
    public string Gender { get; init; } = "";
    public string? Ethnicity { get; init; }
    public DateOnly? BirthDate { get; init; }
    public string? IdNumber { get; init; }
    public string? Education { get; init; }
    public MemberCategory Category { get; init; }
    public int UnitId { get; init; }
    public DateOnly? JoinedOn { get; init; }
    public DateOnly? FullMemberOn { get; init; }
    public string? Post { get; init; }
    public string? Phone { get; init; }
    public string? Landline { get; init; }
    public string? Address { get; init; }
    public bool MembershipSuspended { get; init; }
    public bool IsLost { get; init; }
    public string? LostSince { get; init; }
    public bool IsFloating { get; init; }
    public string? FloatingTo { get; init; }
    public string Tier { get; init; } = "";
    public string? Position { get; init; }
    public MemberStatus Status { get; init; }

    /// <summary>Extra fields by header; null leaves the member's as they are (the screens and the API do not edit them).</summary>
    public IReadOnlyDictionary<string, string>? ExtraFields { get; init; }
}
