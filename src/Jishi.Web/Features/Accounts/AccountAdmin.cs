using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Accounts;

public sealed record AccountDto(int Id, string UserName, string DisplayName, int UnitId, string UnitName, IReadOnlyList<string> Roles,
    bool LockedOut, bool MustChangePassword);

/// <summary>Accounts inside the caller's subtree (the command line acts as <c>cli</c> over the whole tree).</summary>
public sealed class AccountAdmin(JishiDbContext db, UserManager<AppUser> users, CurrentUser user, TimeProvider clock)
{
    public sealed record CreateRequest(string UserName, string DisplayName, string Password, string Role, int UnitId,
        bool MustChangePassword = true, int? MemberId = null);

    public async Task<Result<AccountDto>> CreateAsync(CreateRequest r, CancellationToken ct)
    {
        if (!Roles.All.Contains(r.Role))
        {
            return Error.Invalid("Account.RoleInvalid", r.Role);
        }
        if (await db.FindVisibleUnitAsync(user, r.UnitId, ct) is not { } unit)
        {
            return Error.NotFound("Entity.Unit");
        }
        if (r.Role is Roles.StreetAdmin or Roles.SysAdmin && !user.IsInRole(Roles.StreetAdmin) && !user.IsInRole(Roles.SysAdmin))
        {
            return new Error("Forbidden", StatusCodes.Status403Forbidden);
        }
        var account = new AppUser { UserName = r.UserName.Trim(), DisplayName = r.DisplayName.Trim(), UnitId = unit.Id,
            MustChangePassword = r.MustChangePassword, MemberId = r.MemberId };
        var created = await users.CreateAsync(account, r.Password);
        if (!created.Succeeded)
        {
            return new ValidationError(created.Errors.Select(e => new FieldProblem("password", "Account.IdentityError", e.Description)).ToList());
        }
        await users.AddToRoleAsync(account, r.Role);
        return new AccountDto(account.Id, account.UserName!, account.DisplayName, unit.Id, unit.Name, [r.Role], false, account.MustChangePassword);
    }

    public async Task<IReadOnlyList<AccountDto>> ListAsync(CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        var now = clock.GetUtcNow();
        var rows = await db.Users.AsNoTracking().Where(u => u.Unit!.Path.StartsWith(scope)).OrderBy(u => u.Id)
            .Select(u => new
            {
                u.Id, u.UserName, u.DisplayName, u.UnitId, UnitName = u.Unit!.Name, u.LockoutEnd, u.MustChangePassword,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, ro => ro.Id, (ur, ro) => ro.Name!).ToList(),
            })
            .ToListAsync(ct);
        return rows.Select(u => new AccountDto(u.Id, u.UserName!, u.DisplayName, u.UnitId, u.UnitName, u.Roles,
            u.LockoutEnd > now, u.MustChangePassword)).ToList();
    }

    /// <summary>Sets a new password and clears a lockout; the holder must change it at the next login.</summary>
    public async Task<Result<bool>> ResetPasswordAsync(int id, string password, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        var account = await db.Users.FirstOrDefaultAsync(u => u.Id == id && u.Unit!.Path.StartsWith(scope), ct);
        if (account is null)
        {
            return Error.NotFound("Entity.Account");
        }
        var token = await users.GeneratePasswordResetTokenAsync(account);
        var reset = await users.ResetPasswordAsync(account, token, password);
        if (!reset.Succeeded)
        {
            return new ValidationError(reset.Errors.Select(e => new FieldProblem("password", "Account.IdentityError", e.Description)).ToList());
        }
        account.MustChangePassword = true;
        await users.SetLockoutEndDateAsync(account, null);
        await users.ResetAccessFailedCountAsync(account);
        await users.UpdateAsync(account);
        return true;
    }
}
