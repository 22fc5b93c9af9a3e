using System.Security.Cryptography;
using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Setup;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Data;

/// <summary>Brings a database to a usable state: migrations, roles, tiers, the first street, the admin account and,
/// on an empty database, the demo street.</summary>
public sealed class DatabaseInitializer(JishiDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole<int>> roles,
    DemoSeed demo, IConfiguration config, ILogger<DatabaseInitializer> log)
{
    public const string AdminUserName = "admin";

    /// <summary>What the console should tell the operator once the server listens.</summary>
    public sealed record Outcome(string? GeneratedAdminPassword, bool DemoLoaded, string? DemoPassword);

    public async Task MigrateAsync(CancellationToken ct) => await db.Database.MigrateAsync(ct);

    public async Task<Outcome> InitializeAsync(CancellationToken ct)
    {
        await MigrateAsync(ct);
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<int>(role));
            }
        }
        if (!await db.MemberTiers.AnyAsync(ct))
        {
            db.MemberTiers.AddRange(MemberTier.Defaults.Select((name, i) => new MemberTier { Name = name, SortOrder = i }));
            await db.SaveChangesAsync(ct);
        }
        string? demoPassword = null;
        var demoLoaded = false;
        if (!await db.Units.AnyAsync(ct))
        {
            if (config.GetValue("Jishi:SeedDemo", true))
            {
                // One transaction: all of the demo or none of it, and one disk flush instead of hundreds.
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                demoPassword = await demo.LoadAsync(ct);
                await tx.CommitAsync(ct);
                demoLoaded = true;
            }
            else
            {
                await CreateStreetAsync(config["Jishi:StreetName"] ?? "街道党工委", ct);
            }
        }
        return new Outcome(await EnsureAdminAsync(ct), demoLoaded, demoPassword);
    }

    private async Task CreateStreetAsync(string name, CancellationToken ct)
    {
        var street = new Unit(name, UnitKind.Street, null);
        db.Units.Add(street);
        await db.SaveChangesAsync(ct);
        street.AssignPath();
        // A real street starts with the set-up guide; the demo street, already set up, does not.
        db.SetupProgress.Add(new SetupProgress(street.Id));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Creates <c>admin</c> on the first street when missing; returns the password only when it was generated.</summary>
    private async Task<string?> EnsureAdminAsync(CancellationToken ct)
    {
        if (await users.FindByNameAsync(AdminUserName) is not null)
        {
            return null;
        }
        var street = await db.Units.Where(u => u.Kind == UnitKind.Street).OrderBy(u => u.Id).FirstAsync(ct);
        var given = Environment.GetEnvironmentVariable("JISHI_ADMIN_PASSWORD") ?? config["Jishi:AdminPassword"];
        var password = string.IsNullOrEmpty(given) ? GeneratePassword() : given;
        var admin = new AppUser { UserName = AdminUserName, DisplayName = "系统管理员", UnitId = street.Id, MustChangePassword = string.IsNullOrEmpty(given) };
        await CreateUserAsync(users, admin, password, Roles.StreetAdmin, Roles.SysAdmin);
        log.LogInformation("Created the admin account on {Street}", street.Name);
        return string.IsNullOrEmpty(given) ? password : null;
    }

    /// <summary>Creates an account with its roles, or throws: a seed that cannot create its accounts is broken.</summary>
    public static async Task CreateUserAsync(UserManager<AppUser> users, AppUser user, string? password, params string[] roles)
    {
        var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, roles);
        }
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Cannot create {user.UserName}: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        string password;
        do
        {
            password = RandomNumberGenerator.GetString(alphabet, 12);
        }
        while (!password.Any(char.IsDigit) || !password.Any(char.IsLower) || !password.Any(char.IsUpper));
        return password;
    }
}
