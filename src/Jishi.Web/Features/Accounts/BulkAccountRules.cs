using System.Globalization;
using System.Text.RegularExpressions;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;

namespace Jishi.Web.Features.Accounts;

/// <summary>批量开通账号: who gets an account and what it is called. Pure, so the rule reads (and is tested) in one place.</summary>
public static partial class BulkAccountRules
{
    /// <summary>Request role: a Member account for every active member of the subtree who has none.</summary>
    public const string Members = Roles.Member;

    /// <summary>Request role: an account for the secretary of every community and branch of the subtree, in the role of the
    /// organization's kind.</summary>
    public const string Secretaries = nameof(Secretaries);

    public static readonly string[] RequestRoles = [Members, Secretaries];

    /// <summary>A member gets an account when active (not transferred out, not deceased) and without one.</summary>
    public static bool GetsMemberAccount(MemberStatus status, bool hasAccount) => status == MemberStatus.Active && !hasAccount;

    /// <summary>The role of the account a unit's secretary gets, or null for none: the unit's kind must have a secretary role,
    /// 党组织书记 must name a member of the roster (<paramref name="secretaryMemberId"/>), and no account of the unit may
    /// hold that role already (<paramref name="rolesHeldInUnit"/>).</summary>
    public static string? SecretaryAccountRole(UnitKind kind, int? secretaryMemberId, IReadOnlySet<string> rolesHeldInUnit) =>
        SecretaryRoleOf(kind) is { } role && secretaryMemberId is not null && !rolesHeldInUnit.Contains(role) ? role : null;

    /// <summary>The account role of a unit's secretary: 社区 → community secretary, 支部 → branch secretary; a street or a
    /// party group has no secretary account of its own (null).</summary>
    public static string? SecretaryRoleOf(UnitKind kind) => kind switch
    {
        UnitKind.Community => Roles.CommunitySecretary,
        UnitKind.Branch => Roles.BranchSecretary,
        _ => null,
    };

    /// <summary>The mainland mobile number in <paramref name="phone"/> (spaces, dashes and a +86 prefix allowed), or null for
    /// a landline, an ID number or anything else.</summary>
    public static string? MobileOf(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }
        var digits = Separators().Replace(phone.Trim(), "");
        if (digits.StartsWith("+86", StringComparison.Ordinal) || (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal)))
        {
            digits = digits[(digits[0] == '+' ? 3 : 2)..];
        }
        return Mobile().IsMatch(digits) ? digits : null;
    }

    /// <summary>"sj00012" for the secretary of unit 12 (书记), when their mobile number is not free.</summary>
    public static string SecretaryUserName(int unitId) => "sj" + unitId.ToString("00000", CultureInfo.InvariantCulture);

    /// <summary>The user name of a new account: the holder's mobile number when it has one that no account uses, otherwise
    /// <paramref name="fallback"/> (with "-2", "-3" … when even that is taken). Never the ID number. Adds the name to
    /// <paramref name="taken"/> (upper-case, as Identity compares names), so one batch cannot give a name twice.</summary>
    public static string UserNameFor(string? phone, string fallback, ISet<string> taken)
    {
        var name = MobileOf(phone) is { } mobile && !taken.Contains(mobile) ? mobile : fallback;
        for (var n = 2; taken.Contains(name.ToUpperInvariant()); n++)
        {
            name = $"{fallback}-{n}";
        }
        taken.Add(name.ToUpperInvariant());
        return name;
    }

    [GeneratedRegex(@"[\s\-()（）]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();
}
