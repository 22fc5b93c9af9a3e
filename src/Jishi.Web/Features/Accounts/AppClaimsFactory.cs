using System.Security.Claims;
using Jishi.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Jishi.Web.Features.Accounts;

/// <summary>Adds the unit an account is bound to, which scopes everything it does, and whether its password must still be
/// changed (<see cref="PasswordChangeGate"/> refuses such an account's bearer tokens).</summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole<int>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<int>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CurrentUser.UnitIdClaim, user.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(PasswordChangeGate.MustChangeClaim, "true"));
        }
        return identity;
    }
}
