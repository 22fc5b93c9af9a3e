using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Jishi.Web.Features.Accounts;

/// <summary>How often an open admin screen checks that its sign-in still holds (<c>Jishi:Session:RevalidationInterval</c>).</summary>
public sealed class SessionOptions
{
    public const string Section = "Jishi:Session";

    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>An admin screen (a Blazor circuit) keeps the user it started with for as long as the tab stays open. Every
/// <see cref="SessionOptions.RevalidationInterval"/> this checks that the account still exists, that its security stamp is
/// still the one it signed in with (退出, a password change and a password reset change the stamp, so every tab and
/// device of that account loses its sign-in) and that the cookie has not expired. When one fails, the circuit's user
/// becomes anonymous and the screen says 登录已失效.</summary>
public class SessionRevalidation(ILoggerFactory logs, IServiceScopeFactory scopes, IOptions<IdentityOptions> identity,
    IOptions<SessionOptions> options, TimeProvider clock) : RevalidatingServerAuthenticationStateProvider(logs)
{
    /// <summary>When the sign-in cookie the circuit was opened with expires (Unix seconds).</summary>
    public const string ExpiresClaim = "jishi:session-expires";

    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var principal = authenticationState.User;
        if (!long.TryParse(principal.FindFirstValue(ExpiresClaim), CultureInfo.InvariantCulture, out var expires)
            || clock.GetUtcNow() >= DateTimeOffset.FromUnixTimeSeconds(expires))
        {
            return false;
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.GetUserAsync(principal) is { } user
            && principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) == await users.GetSecurityStampAsync(user);
    }

    /// <summary>The cookie's check on every request: Identity's security stamp check, then the cookie's expiry written
    /// into the principal, which is all a circuit receives of its sign-in.</summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal?.Identity is ClaimsIdentity signedIn && context.Properties.ExpiresUtc is { } expires)
        {
            foreach (var stale in signedIn.FindAll(ExpiresClaim).ToList())
            {
                signedIn.RemoveClaim(stale);
            }
            signedIn.AddClaim(new Claim(ExpiresClaim, expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        }
    }
}
