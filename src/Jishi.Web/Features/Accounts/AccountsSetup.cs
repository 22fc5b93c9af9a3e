using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Jishi.Web.Features.Accounts;

public static class AccountsSetup
{
    /// <summary>The scheme that picks bearer tokens for API callers and the cookie for the screens.</summary>
    public const string Scheme = "Jishi";

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, Scheme, o => o.ForwardDefaultSelector = ctx =>
                CarriesBearer(ctx.Request) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
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
            o.Events.OnValidatePrincipal = SessionRevalidation.ValidatePrincipalAsync;
            // A browser whose sign-in ended (退出 in another tab, a password change, expiry) is told so on the login page.
            o.Events.OnSigningOut = ctx =>
            {
                ctx.Response.Cookies.Append(EndedCookie, "1", new CookieOptions { HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax, Secure = ctx.Request.IsHttps });
                return Task.CompletedTask;
            };
            o.Events.OnSignedIn = ctx =>
            {
                ctx.Response.Cookies.Delete(EndedCookie);
                return Task.CompletedTask;
            };
        });
        services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.Section);
        // Requests check the security stamp as often as open screens do, so a reload after 退出 elsewhere is refused too.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<SessionOptions>>((o, session) =>
            o.ValidationInterval = session.Value.RevalidationInterval);
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
            .AddPolicy(Policies.BulkAccounts, p => p.RequireRole(Roles.StreetAdmin, Roles.CommunitySecretary))
            .AddPolicy(Policies.Audit, p => p.RequireRole(Roles.StreetAdmin, Roles.SysAdmin))
            .AddPolicy(Policies.Maintenance, p => p.RequireRole(Roles.StreetAdmin, Roles.SysAdmin))
            .AddPolicy(Policies.CommunitySecretary, p => p.RequireRole(Roles.CommunitySecretary))
            .AddPolicy(Policies.Member, p => p.RequireRole(Roles.Member));
        services.AddScoped<IssueToken>();
        services.AddScoped<AccountAdmin>();
        services.AddScoped<OpenAccountsInBulk>();
        services.AddScoped<ChangeOwnPassword>();
        return services;
    }

    /// <summary>Whether the request authenticates with a bearer token (API callers) rather than the screens' cookie.</summary>
    public static bool CarriesBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    /// <summary>Set when a sign-in of this browser ends; the next redirect to the login page then says the session ended.</summary>
    private const string EndedCookie = "Jishi.SessionEnded";

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.IsApi())
        {
            ctx.Response.StatusCode = status;
        }
        else
        {
            // The sign-in cookie still sent (expired or with an old stamp) or the mark of a sign-out: the session ended.
            var ended = status == StatusCodes.Status401Unauthorized
                && (ctx.Request.Cookies.ContainsKey(ctx.Options.Cookie.Name!) || ctx.Request.Cookies.ContainsKey(EndedCookie));
            ctx.Response.Redirect(ended ? ctx.RedirectUri + "&ended=true" : ctx.RedirectUri);
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

    /// <summary>批量开通账号: the street's and a community's administrators, for the members and secretaries of their subtree.</summary>
    public const string BulkAccounts = nameof(BulkAccounts);
    /// <summary>系统维护: the backups of the whole database.</summary>
    public const string Maintenance = nameof(Maintenance);

    /// <summary>Those who write a 述职报告 of their own.</summary>
    public const string CommunitySecretary = nameof(CommunitySecretary);

    /// <summary>Party members with an account of their own (我的积分).</summary>
    public const string Member = nameof(Member);
}
