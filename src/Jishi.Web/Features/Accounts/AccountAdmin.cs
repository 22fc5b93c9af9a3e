using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Accounts;

public sealed record AccountDto(int Id, string UserName, string DisplayName, int UnitId, string UnitName, IReadOnlyList<string> Roles,
    bool LockedOut, bool MustChangePassword, int? MemberId = null);

/// <summary>A member's new account and its initial password, shown once to whoever opened it.</summary>
public sealed record MemberAccountOpened(AccountDto Account, string Password);

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
        if (r.Role == Roles.Member)
        {
            // A member's account reads that member's own points: it is bound to a member of the caller's subtree, once,
            // and sits in the member's own unit.
            var scope = await user.ScopePathAsync(ct);
            if (await db.Members.Within(scope).Where(m => m.Id == r.MemberId).Select(m => m.Unit).FirstOrDefaultAsync(ct)
                is not { } memberUnit)
            {
                return Error.NotFound("Entity.Member");
            }
            if (await db.Users.AnyAsync(u => u.MemberId == r.MemberId, ct))
            {
                return Error.Conflict("Accounts.MemberHasAccount");
            }
            unit = memberUnit;
        }
        else if (r.MemberId is not null)
        {
            return Error.Invalid("Accounts.MemberOnlyForMemberRole");
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
        return new AccountDto(account.Id, account.UserName!, account.DisplayName, unit.Id, unit.Name, [r.Role], false, account.MustChangePassword,
            account.MemberId);
    }

    /// <summary>一键开通账号: a Member account for a member of the caller's subtree, named after the member's id, with a
    /// generated password that must be changed at the first login.</summary>
    public async Task<Result<MemberAccountOpened>> OpenForMemberAsync(int memberId, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        if (await db.Members.Within(scope).Where(m => m.Id == memberId).Select(m => new { m.Name, m.UnitId }).FirstOrDefaultAsync(ct)
            is not { } member)
        {
            return Error.NotFound("Entity.Member");
        }
        var password = DatabaseInitializer.GeneratePassword();
        var created = await CreateAsync(new CreateRequest(MemberUserName(memberId), member.Name, password, Roles.Member, member.UnitId, true, memberId), ct);
        return created.IsSuccess ? new MemberAccountOpened(created.Value!, password) : created.Error!;
    }

    /// <summary>"dy00042" for member 42 (党员): short enough to read out, unique per member.</summary>
    public static string MemberUserName(int memberId) => "dy" + memberId.ToString("00000", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IReadOnlyList<AccountDto>> ListAsync(CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        var now = clock.GetUtcNow();
        var rows = await db.Users.AsNoTracking().VisibleTo(scope, u => u.Unit!.Path).OrderBy(u => u.Id)
            .Select(u => new
            {
                u.Id, u.UserName, u.DisplayName, u.UnitId, UnitName = u.Unit!.Name, u.LockoutEnd, u.MustChangePassword, u.MemberId,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, ro => ro.Id, (ur, ro) => ro.Name!).ToList(),
            })
            .ToListAsync(ct);
        return rows.Select(u => new AccountDto(u.Id, u.UserName!, u.DisplayName, u.UnitId, u.UnitName, u.Roles,
            u.LockoutEnd > now, u.MustChangePassword, u.MemberId)).ToList();
    }

    /// <summary>Sets a new password and clears a lockout; the holder must change it at the next login.</summary>
    public async Task<Result<bool>> ResetPasswordAsync(int id, string password, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        var account = await db.Users.VisibleTo(scope, u => u.Unit!.Path).FirstOrDefaultAsync(u => u.Id == id, ct);
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
