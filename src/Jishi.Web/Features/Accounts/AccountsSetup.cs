using Jishi.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;

namespace Jishi.Web.Features.Accounts;

public static class AccountsSetup
{
    /// <summary>The scheme that picks bearer tokens for API callers and the cookie for the screens.</summary>
    public const string Scheme = "Jishi";

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, Scheme, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(8))
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // API callers get status codes, never a redirect to the login page.
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole<int>>()
            .AddEntityFrameworkStores<JishiDbContext>()
            .AddSignInManager()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddClaimsPrincipalFactory<AppClaimsFactory>()
            .AddDefaultTokenProviders();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(Scheme).RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.OrgManager, p => p.RequireRole(Roles.StreetAdmin, Roles.CommunitySecretary, Roles.BranchSecretary))
            .AddPolicy(Policies.StreetAdmin, p => p.RequireRole(Roles.StreetAdmin))
            .AddPolicy(Policies.Accounts, p => p.RequireRole(Roles.StreetAdmin, Roles.SysAdmin))
            .AddPolicy(Policies.Audit, p => p.RequireRole(Roles.StreetAdmin, Roles.SysAdmin))
            .AddPolicy(Policies.Maintenance, p => p.RequireRole(Roles.StreetAdmin, Roles.SysAdmin))
            .AddPolicy(Policies.CommunitySecretary, p => p.RequireRole(Roles.CommunitySecretary))
            .AddPolicy(Policies.Member, p => p.RequireRole(Roles.Member));
        services.AddScoped<IssueToken>();
        services.AddScoped<AccountAdmin>();
        return services;
    }

    private static Task ApiAware(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
        }
        else
        {
            ctx.Response.Redirect(ctx.RedirectUri);
        }
        return Task.CompletedTask;
    }
}

public static class Policies
{
    public const string OrgManager = nameof(OrgManager);
    public const string StreetAdmin = nameof(StreetAdmin);
    public const string Accounts = nameof(Accounts);
    public const string Audit = nameof(Audit);

    /// <summary>系统维护: the backups of the whole database.</summary>
    public const string Maintenance = nameof(Maintenance);

    /// <summary>Those who write a 述职报告 of their own.</summary>
    public const string CommunitySecretary = nameof(CommunitySecretary);

    /// <summary>Party members with an account of their own (我的积分).</summary>
    public const string Member = nameof(Member);
}
