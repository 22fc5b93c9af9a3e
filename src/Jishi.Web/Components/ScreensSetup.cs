using Jishi.Web.Features.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Jishi.Web.Components;

public static class ScreensSetup
{
    public static IServiceCollection AddScreens(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        services.AddAntDesign();
        services.AddScoped<Handlers>();
        services.AddScoped<CircuitHandler, UserCircuitHandler>();
        services.ConfigureApplicationCookie(o => o.ReturnUrlParameter = "returnUrl");
        return services;
    }

    public static IEndpointRouteBuilder MapScreens(this IEndpointRouteBuilder app)
    {
        // The platform's own Content-Security-Policy already forbids every frame (PlatformSetup.UsePlatform); one header, not two.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        // A form field makes the endpoint check the antiforgery token, so no other site can sign a user out.
        // A new security stamp ends the account's sign-in in every other tab and on every other device (SessionRevalidation).
        app.MapPost("/account/logout", async ([FromForm] string returnUrl, HttpContext http, SignInManager<AppUser> signIn) =>
        {
            if (await signIn.UserManager.GetUserAsync(http.User) is { } user)
            {
                await signIn.UserManager.UpdateSecurityStampAsync(user);
            }
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(returnUrl.StartsWith('/') ? returnUrl : "/login");
        }).ExcludeFromDescription();
        return app;
    }
}
