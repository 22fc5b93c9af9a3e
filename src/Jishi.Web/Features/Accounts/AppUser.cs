using Jishi.Web.Features.Organizations;
using Microsoft.AspNetCore.Identity;

namespace Jishi.Web.Features.Accounts;

/// <summary>An account, bound to one unit: everything it reads or writes is limited to that unit's subtree.</summary>
public sealed class AppUser : IdentityUser<int>
{
    public string DisplayName { get; set; } = "";
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public bool MustChangePassword { get; set; }
    public int? MemberId { get; set; }
}
