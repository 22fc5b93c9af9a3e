using System.Security.Claims;
using Jishi.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Jishi.Web.Components.Layout;

/// <summary>One entry of the left menu: <see cref="Module"/> and <see cref="Title"/> are resource keys; the entry shows
/// only to users who pass <see cref="Policy"/>.</summary>
public sealed record MenuEntry(string Module, string ModuleIcon, string Title, string Href, string Icon, string Policy);

/// <summary>The left menu of the admin screens, grouped by module in this order. A new screen adds one line here.</summary>
public static class AdminMenu
{
    public static readonly IReadOnlyList<MenuEntry> Entries =
    [
        new("Menu.Organization", "apartment", "Menu.Units", "/units", "cluster", Policies.OrgManager),
        new("Menu.Organization", "apartment", "Menu.Members", "/members", "team", Policies.OrgManager),
        new("Menu.Reviews", "audit", "Menu.ReviewCampaigns", "/reviews", "solution", Policies.StreetAdmin),
        new("Menu.Reviews", "audit", "Menu.Rectifications", "/rectifications", "carry-out", Policies.OrgManager),
        new("Menu.Reviews", "audit", "WorkReport.Menu", "/my/reports", "file-text", Policies.CommunitySecretary),
        new("Menu.Points", "trophy", "Menu.PointsBoard", "/points", "ordered-list", Policies.OrgManager),
        new("Menu.Points", "trophy", "Menu.PointsApprovals", "/points/approvals", "check-square", Policies.OrgManager),
        new("Menu.Points", "trophy", "Meetings.Menu", "/points/meetings", "schedule", Policies.OrgManager),
        new("Menu.Points", "trophy", "Menu.PointsRules", "/points/rules", "profile", Policies.OrgManager),
        new("Menu.Points", "trophy", "Warnings.Menu", "/points/warnings", "alert", Policies.OrgManager),
        new("Menu.Points", "trophy", "Menu.Pledges", "/points/pledges", "flag", Policies.OrgManager),
        new("Menu.Points", "trophy", "Menu.Postings", "/points/postings", "notification", Policies.OrgManager),
        new("Menu.Points", "trophy", "My.Menu", "/my/points", "star", Policies.Member),
        new("Menu.Service", "heart", "Volunteering.Menu", "/volunteering", "team", Policies.OrgManager),
        new("Menu.Service", "heart", "Wishes.Menu", "/wishes", "gift", Policies.OrgManager),
        new("Menu.Shops", "shop", "Shops.CounterMenu", "/shops/counter", "shopping-cart", Policies.OrgManager),
        new("Menu.Shops", "shop", "Shops.AdminMenu", "/shops", "appstore", Policies.OrgManager),
        new("Menu.Shops", "shop", "Shops.ReportMenu", "/shops/report", "bar-chart", Policies.OrgManager),
        new("Menu.PartyBuilding", "flag", "Dashboard.Menu", "/dashboard", "dashboard", Policies.OrgManager),
        new("Menu.PartyBuilding", "flag", "Grading.Menu", "/grading", "star", Policies.OrgManager),
        new("Menu.PartyBuilding", "flag", "Grading.LibraryMenu", "/grading/library", "unordered-list", Policies.StreetAdmin),
        new("Menu.PartyBuilding", "flag", "Turnaround.Menu", "/turnaround", "rise", Policies.OrgManager),
        new("Menu.PartyBuilding", "flag", "KeyTasks.Menu", "/key-tasks", "table", Policies.OrgManager),
        new("Menu.PartyBuilding", "flag", "Duties.Menu", "/duties", "profile", Policies.OrgManager),
        new("Menu.PartyBuilding", "flag", "Publicity.Menu", "/publicity", "notification", Policies.OrgManager),
        new("Menu.PartyBuilding", "flag", "Evaluation.Menu", "/member-evaluations", "like", Policies.OrgManager),
        new("Menu.System", "setting", "Menu.Accounts", "/accounts", "user", Policies.Accounts),
        new("Menu.System", "setting", "BulkAccounts.Menu", "/accounts/bulk", "idcard", Policies.BulkAccounts),
        new("Menu.System", "setting", "Menu.Audit", "/audit", "file-search", Policies.Audit),
        new("Menu.System", "setting", "Backup.Menu", "/maintenance", "database", Policies.Maintenance),
    ];

    /// <summary>The entry whose page is shown at <paramref name="path"/> ("/members/import" belongs to "/members").</summary>
    public static MenuEntry? Find(string path) => Entries
        .Where(e => path == e.Href || path.StartsWith(e.Href + "/", StringComparison.Ordinal))
        .MaxBy(e => e.Href.Length);

    /// <summary>The entries whose policy <paramref name="user"/> passes.</summary>
    public static async Task<IReadOnlyList<MenuEntry>> VisibleToAsync(ClaimsPrincipal user, IAuthorizationService authorization)
    {
        var visible = new List<MenuEntry>();
        foreach (var entry in Entries)
        {
            if ((await authorization.AuthorizeAsync(user, entry.Policy)).Succeeded)
            {
                visible.Add(entry);
            }
        }
        return visible;
    }
}
