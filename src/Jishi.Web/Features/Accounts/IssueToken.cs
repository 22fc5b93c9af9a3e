using Jishi.Web.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Jishi.Web.Features.Accounts;

/// <summary>POST /api/auth/token: a bearer token for an API caller. Tokens are data-protected tickets; the keys live in
/// the database, so any instance validates what another issued.</summary>
public sealed class IssueToken(UserManager<AppUser> users, SignInManager<AppUser> signIn,
    IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
{
    public sealed record Request(string UserName, string Password);

    public sealed record Response(string AccessToken, DateTime ExpiresAt);

    public async Task<Result<Response>> HandleAsync(Request request, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(request.UserName ?? "");
        if (user is null)
        {
            return new Error("Auth.BadCredentials", StatusCodes.Status401Unauthorized);
        }
        var check = await signIn.CheckPasswordSignInAsync(user, request.Password ?? "", lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return new Error("Auth.LockedOut", StatusCodes.Status429TooManyRequests);
        }
        if (!check.Succeeded)
        {
            return new Error("Auth.BadCredentials", StatusCodes.Status401Unauthorized);
        }
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var options = bearer.Get(IdentityConstants.BearerScheme);
        var expires = clock.GetUtcNow() + options.BearerTokenExpiration;
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = expires }, IdentityConstants.BearerScheme);
        return new Response(options.BearerTokenProtector.Protect(ticket), expires.UtcDateTime);
    }
}
