using System.Globalization;
using System.Security.Claims;
using Jishi.Web.Data;
using Jishi.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Shared;

/// <summary>Who is acting and which subtree of the organization they may see. Scoped: one per request or
/// Blazor circuit. Every query and command filters by <see cref="ScopePathAsync"/>.</summary>
public sealed class CurrentUser(IHttpContextAccessor http, IServiceProvider services)
{
    public const string UnitIdClaim = "jishi:unit";
    public const string CommandLineUser = "cli";
    private ClaimsPrincipal? _principal;
    private string? _scopePath;

    public ClaimsPrincipal Principal => _principal ?? http.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());

    /// <summary>Used where there is no HTTP request: Blazor circuits and command-line jobs.</summary>
    public void Set(ClaimsPrincipal principal)
    {
        _principal = principal;
        _scopePath = null;
    }

    /// <summary>Acts as the account <paramref name="userName"/> of unit <paramref name="unitId"/> (no roles) until the result
    /// is disposed, then as before: the demo's seeding goes through the API's own handlers as each community's secretary.</summary>
    public IDisposable ActAs(string userName, int unitId)
    {
        var (principal, scopePath) = (_principal, _scopePath);
        Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, userName), new Claim(UnitIdClaim, unitId.ToString(CultureInfo.InvariantCulture))], nameof(ActAs))));
        return new Restore(() => (_principal, _scopePath) = (principal, scopePath));
    }

    /// <summary>The command line acts as user "cli" over the whole tree with the administrator roles: whoever runs it at
    /// the server already holds the database and its configuration. The audit log records it as "cli".</summary>
    public void SetCommandLine()
    {
        Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, CommandLineUser), new Claim(ClaimTypes.Role, Roles.StreetAdmin), new Claim(ClaimTypes.Role, Roles.SysAdmin)],
            CommandLineUser)));
        _scopePath = "/";
    }

    public string? UserName => Principal.Identity?.Name;
    public int? UnitId => int.TryParse(Principal.FindFirstValue(UnitIdClaim), out var id) ? id : null;
    public bool IsInRole(string role) => Principal.IsInRole(role);
    public bool SeesSensitiveData => Roles.SeeSensitive.Any(Principal.IsInRole);

    /// <summary>The path prefix of the caller's subtree; a caller without a unit sees nothing ("-" matches no path).</summary>
    public async Task<string> ScopePathAsync(CancellationToken ct = default)
    {
        if (_scopePath is not null)
        {
            return _scopePath;
        }
        var unitId = UnitId;
        if (unitId is null)
        {
            return _scopePath = "-";
        }
        var db = services.GetRequiredService<JishiDbContext>();
        var path = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(ct);
        return _scopePath = path ?? "-";
    }
}
