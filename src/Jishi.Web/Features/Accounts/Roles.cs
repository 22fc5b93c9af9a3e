namespace Jishi.Web.Features.Accounts;

public static class Roles
{
    public const string StreetAdmin = nameof(StreetAdmin);
    public const string CommunitySecretary = nameof(CommunitySecretary);
    public const string BranchSecretary = nameof(BranchSecretary);
    public const string Member = nameof(Member);
    public const string SysAdmin = nameof(SysAdmin);

    public static readonly string[] All = [StreetAdmin, CommunitySecretary, BranchSecretary, Member, SysAdmin];

    /// <summary>Roles that see ID numbers and phones in clear.</summary>
    public static readonly string[] SeeSensitive = [StreetAdmin, CommunitySecretary];

    /// <summary>Where an account lands after logging in: a member's own points page, or the admin home.</summary>
    public static string HomeOf(ICollection<string> roles) => roles.Count > 0 && roles.All(r => r == Member) ? "/my/points" : "/";
}
