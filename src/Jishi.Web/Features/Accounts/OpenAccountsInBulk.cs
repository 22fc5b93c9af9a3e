using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Accounts;

/// <summary>POST /api/accounts/bulk: opens, in one go, an account for every active member of a unit's subtree who has none
/// ("Member"), or for the secretary of every community and branch of it whose role has no account there yet ("Secretaries").
/// Every account gets a generated one-time password, shown only in this answer, that must be changed at the first sign-in.</summary>
public sealed class OpenAccountsInBulk(JishiDbContext db, UserManager<AppUser> users, CurrentUser user, UnitItems items)
{
    public sealed record Request(int UnitId, string Role);

    /// <summary>One account to open: for whom, in which unit and role, under which user name.</summary>
    public sealed record Planned(int MemberId, string Name, int UnitId, string UnitName, string Role, string UserName);

    /// <summary>An opened account and its one-time password.</summary>
    public sealed record Opened(int MemberId, string Name, string UserName, string Password, string Role, string UnitName);

    public sealed record Response(IReadOnlyList<Opened> Accounts);

    /// <summary>What <see cref="HandleAsync"/> would open now (for the screen's confirmation).</summary>
    public async Task<Result<IReadOnlyList<Planned>>> PlanAsync(Request request, CancellationToken ct)
    {
        if (!BulkAccountRules.RequestRoles.Contains(request.Role))
        {
            return Error.Invalid("BulkAccounts.RoleInvalid", request.Role ?? "");
        }
        if (await db.FindVisibleUnitAsync(user, request.UnitId, ct) is not { } unit)
        {
            return Error.NotFound("Entity.Unit");
        }
        var holders = request.Role == BulkAccountRules.Members ? await MembersWithoutAccountAsync(unit.Path, ct) : await SecretariesWithoutAccountAsync(unit.Path, ct);
        var fallbacks = holders.Select(h => h.Fallback).ToList();
        var mobiles = holders.Select(h => BulkAccountRules.MobileOf(h.Phone)).OfType<string>().ToList();
        var names = fallbacks.Concat(mobiles).Select(n => n.ToUpperInvariant()).Distinct().ToList();
        var taken = (await db.Users.Where(u => names.Contains(u.NormalizedUserName!)).Select(u => u.NormalizedUserName!).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        return holders.Select(h => new Planned(h.MemberId, h.Name, h.UnitId, h.UnitName, h.Role,
            BulkAccountRules.UserNameFor(h.Phone, h.Fallback, taken))).ToList();
    }

    public async Task<Result<Response>> HandleAsync(Request request, CancellationToken ct)
    {
        var plan = await PlanAsync(request, ct);
        if (!plan.IsSuccess)
        {
            return plan.Error!;
        }
        // All or nothing: a password that is not shown must not belong to an account that exists.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var opened = new List<Opened>();
        foreach (var p in plan.Value!)
        {
            var password = DatabaseInitializer.GeneratePassword();
            var account = new AppUser
            {
                UserName = p.UserName, DisplayName = p.Name, UnitId = p.UnitId, MustChangePassword = true,
                MemberId = p.Role == Roles.Member ? p.MemberId : null,
            };
            var created = await users.CreateAsync(account, password);
            if (created.Succeeded)
            {
                created = await users.AddToRoleAsync(account, p.Role);
            }
            if (!created.Succeeded)
            {
                return Error.Conflict("BulkAccounts.Failed", p.Name, string.Join("；", created.Errors.Select(e => e.Description)));
            }
            opened.Add(new Opened(p.MemberId, p.Name, p.UserName, password, p.Role, p.UnitName));
        }
        await tx.CommitAsync(ct);
        return new Response(opened);
    }

    private sealed record Holder(int MemberId, string Name, string? Phone, int UnitId, string UnitName, string Role, string Fallback);

    private async Task<List<Holder>> MembersWithoutAccountAsync(string path, CancellationToken ct) =>
        (await db.Units.Within(path)
            .Join(db.Members, u => u.Id, m => m.UnitId, (u, m) => new
            {
                m.Id, m.Name, m.Phone, m.Status, m.UnitId, UnitName = u.Name, u.Path, HasAccount = db.Users.Any(a => a.MemberId == m.Id),
            })
            .ToListAsync(ct))
        .Where(m => BulkAccountRules.GetsMemberAccount(m.Status, m.HasAccount))
        .OrderBy(m => m.Path, StringComparer.Ordinal).ThenBy(m => m.Id)
        .Select(m => new Holder(m.Id, m.Name, m.Phone, m.UnitId, m.UnitName, Roles.Member, AccountAdmin.MemberUserName(m.Id)))
        .ToList();

    /// <summary>The secretaries (党组织书记 matched in the roster) of the subtree's units that get an account.</summary>
    private async Task<List<Holder>> SecretariesWithoutAccountAsync(string path, CancellationToken ct)
    {
        var secretaries = await items.SecretariesAsync(ct);
        var units = await db.Units.AsNoTracking().Within(path).Where(u => !u.IsArchived).OrderBy(u => u.Path)
            .Select(u => new { u.Id, u.Name, u.Kind }).ToListAsync(ct);
        var unitIds = units.Select(u => u.Id).ToList();
        var held = (await db.Users.Where(u => unitIds.Contains(u.UnitId))
                .Join(db.UserRoles, u => u.Id, ur => ur.UserId, (u, ur) => new { u.UnitId, ur.RoleId })
                .Join(db.Roles, x => x.RoleId, r => r.Id, (x, r) => new { x.UnitId, Role = r.Name! })
                .ToListAsync(ct))
            .ToLookup(x => x.UnitId, x => x.Role);
        var chosen = units
            .Select(u => (Unit: u, Secretary: secretaries.GetValueOrDefault(u.Id),
                Role: BulkAccountRules.SecretaryAccountRole(u.Kind, secretaries.GetValueOrDefault(u.Id)?.MemberId, held[u.Id].ToHashSet())))
            .Where(x => x.Role is not null)
            .ToList();
        var memberIds = chosen.Select(x => x.Secretary!.MemberId!.Value).ToList();
        var phones = await db.Members.Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Phone, ct);
        return chosen.Select(x => new Holder(x.Secretary!.MemberId!.Value, x.Secretary.Name, phones.GetValueOrDefault(x.Secretary.MemberId.Value),
                x.Unit.Id, x.Unit.Name, x.Role!, BulkAccountRules.SecretaryUserName(x.Unit.Id)))
            .ToList();
    }
}
