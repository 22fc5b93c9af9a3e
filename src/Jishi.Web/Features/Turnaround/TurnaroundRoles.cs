using Jishi.Web.Features.Accounts;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Turnaround;

/// <summary>Who may do what with a plan they see: the street decides (creates, re-grades, cancels), the street and the community
/// secretary edit the plan and its milestones; everyone who sees it reports on it.</summary>
public static class TurnaroundRoles
{
    public static bool MayDecidePlans(this CurrentUser user) => user.IsInRole(Roles.StreetAdmin);

    public static bool MayEditPlans(this CurrentUser user) => user.MayDecidePlans() || user.IsInRole(Roles.CommunitySecretary);
}
