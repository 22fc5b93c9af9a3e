using System.Security.Claims;
using Jishi.Web.Shared;
using Microsoft.AspNetCore.Identity;

namespace Jishi.Web.Features.Accounts;

/// <summary>An account changes its own password (the 修改密码 page and POST /api/auth/password): the current one is checked,
/// and the account no longer has to change it. A bearer caller then asks for a new token; the page refreshes its cookie.</summary>
public sealed class ChangeOwnPassword(UserManager<AppUser> users)
{
    public sealed record Request(string CurrentPassword, string NewPassword);

    public async Task<Result<AppUser>> HandleAsync(ClaimsPrincipal principal, Request request)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return new Error("Auth.BadCredentials", StatusCodes.Status401Unauthorized);
        }
        var changed = await users.ChangePasswordAsync(user, request.CurrentPassword ?? "", request.NewPassword ?? "");
        if (!changed.Succeeded)
        {
            return new ValidationError(changed.Errors.Select(e => new FieldProblem(
                e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "currentPassword" : "newPassword", "Account.IdentityError", e.Description)).ToList());
        }
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        return user;
    }
}
