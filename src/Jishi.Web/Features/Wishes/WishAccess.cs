using Jishi.Web.Shared;
using Jishi.Web.Shared.Scope;

namespace Jishi.Web.Features.Wishes;

/// <summary>Where a wish stands for the access rules: its community's path, its active claim's member and its status.</summary>
public sealed record WishSpot(int Id, string Path, int? ClaimerId, WishStatus Status);

/// <summary>Who the caller is to wishes, and what they may see and do; pure rules, no database. Staff (street, community and
/// branch secretaries) work in the subtree <paramref name="Scope"/> ("-" for anyone else: it matches nothing);
/// <paramref name="MemberId"/> is the active member the account is bound to, <paramref name="MemberStreetPath"/> that member's
/// street; <paramref name="SeesSensitiveData"/> for the roles that see personal data (community secretary, street).</summary>
public sealed record WishAccess(bool IsStaff, string Scope, int? MemberId, string? MemberStreetPath, bool SeesSensitiveData)
{
    /// <summary>Staff over the wish's community: they review, enter, claim for a member, confirm for the resident.</summary>
    public bool Oversees(WishSpot wish) => IsStaff && UnitScope.Sees(Scope, wish.Path);

    /// <summary>The caller's member holds the wish's active claim.</summary>
    public bool Claims(WishSpot wish) => MemberId is { } own && wish.ClaimerId == own;

    /// <summary>A member may claim a wish of their own street for themself.</summary>
    public bool MayClaimForSelf(WishSpot wish) => MemberId is not null && InStreet(wish);

    /// <summary>Withdraw and fulfil: staff over the wish, or its claiming member.</summary>
    public bool MayActAsClaimer(WishSpot wish) => Oversees(wish) || Claims(wish);

    /// <summary>The wish at all: staff over it and its claiming member whatever its state; a member of its street once it is
    /// on the wall (neither waiting for review nor declined).</summary>
    public bool Sees(WishSpot wish) =>
        MayActAsClaimer(wish) || (InStreet(wish) && wish.Status is not (WishStatus.Submitted or WishStatus.Declined));

    /// <summary>The resident's name, phone and pictures in clear: staff over the wish who see personal data, and the member
    /// who claimed it (they must reach the resident). Everyone else reads them masked.</summary>
    public bool SeesResident(WishSpot wish) => (Oversees(wish) && SeesSensitiveData) || Claims(wish);

    /// <summary>The tracking code (the resident's secret): staff over the wish only, who pass it on to a resident without a phone.</summary>
    public bool SeesTrackingCode(WishSpot wish) => Oversees(wish);

    public string ResidentName(WishSpot wish, string name) => SeesResident(wish) ? name : MaskName(name);

    public string ResidentPhone(WishSpot wish, string phone) => SeesResident(wish) ? phone : Masking.Phone(phone)!;

    /// <summary>张三 → 张*, 欧阳小明 → 欧***: the family name alone.</summary>
    public static string MaskName(string name) => name.Length <= 1 ? name : name[..1] + new string('*', name.Length - 1);

    private bool InStreet(WishSpot wish) => MemberStreetPath is { } street && UnitScope.Sees(street, wish.Path);
}
