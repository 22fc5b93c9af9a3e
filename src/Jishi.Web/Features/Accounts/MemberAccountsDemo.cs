using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Accounts;

/// <summary>The demo's member accounts dy01..dy03: the 在职 members of the first community whose pledges the demo published
/// (see <see cref="Pledges.PledgesDemo"/>: the first one's is still a draft; dy01's is kept and rated), each in the member's own
/// unit, with the demo password and no forced change, so that a visitor sees 我的积分 at once.</summary>
public static class MemberAccountsDemo
{
    public const int Count = 3;

    public static async Task LoadAsync(JishiDbContext db, UserManager<AppUser> users, string password, CancellationToken ct)
    {
        var community = await db.Units.Where(u => u.Kind == UnitKind.Community).OrderBy(u => u.SortOrder).ThenBy(u => u.Id).FirstAsync(ct);
        var members = await db.Members.Within(community.Path).Where(m => m.Status == MemberStatus.Active && m.Tier == "在职")
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.Name, m.UnitId }).Skip(1).Take(Count).ToListAsync(ct);
        string? hash = null;
        for (var i = 0; i < members.Count; i++)
        {
            var account = new AppUser { UserName = $"dy{i + 1:00}", DisplayName = members[i].Name, UnitId = members[i].UnitId, MemberId = members[i].Id };
            account.PasswordHash = hash ??= users.PasswordHasher.HashPassword(account, password);
            await DatabaseInitializer.CreateUserAsync(users, account, null, Roles.Member);
        }
    }
}
