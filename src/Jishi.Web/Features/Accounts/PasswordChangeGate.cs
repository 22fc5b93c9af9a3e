using Jishi.Web.Shared;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Accounts;

/// <summary>A generated or reset password is known to whoever handed it out: until its holder has changed it, the account's
/// bearer tokens open nothing under /api but the token and the password change (403 saying so). The screens send such an
/// account to the change-password page instead (MainLayout).</summary>
public static class PasswordChangeGate
{
    /// <summary>Present on the principal of an account whose password must still be changed (added by AppClaimsFactory).</summary>
    public const string MustChangeClaim = "jishi:must-change-password";

    public const string TokenPath = "/api/auth/token";
    public const string PasswordPath = "/api/auth/password";

    /// <summary>Whether the request must be refused: a bearer caller that must change its password, asking for another
    /// API route than the token or the password change.</summary>
    public static bool Refuses(HttpContext http) =>
        http.Request.IsApi() && !http.Request.IsUnder(TokenPath) && !http.Request.IsUnder(PasswordPath)
        && AccountsSetup.CarriesBearer(http.Request) && http.User.HasClaim(c => c.Type == MustChangeClaim);

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!Refuses(http))
        {
            await next(http);
            return;
        }
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        await TypedResults.Problem(detail: text["BulkAccounts.Gate.Detail", PasswordPath].Value, statusCode: StatusCodes.Status403Forbidden,
            title: text["BulkAccounts.Gate.Title"].Value).ExecuteAsync(http);
    });
}
