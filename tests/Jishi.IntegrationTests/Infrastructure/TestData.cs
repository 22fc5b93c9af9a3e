using System.Net.Http.Json;
using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jishi.IntegrationTests.Infrastructure;

/// <summary>Reads the demo data behind the API and makes accounts of any role, so that tests can name ids and
/// callers without hard-coding the seed's numbering.</summary>
public static class TestData
{
    public const string AccountPassword = "Account-Test-2016";

    public static async Task<T> WithDbAsync<T>(this JishiFactory factory, Func<JishiDbContext, Task<T>> work)
    {
        using var scope = factory.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<JishiDbContext>());
    }

    /// <summary>The community the demo account <paramref name="secretary"/> (sq01..sq09) is bound to.</summary>
    public static Task<Unit> CommunityOfAsync(this JishiFactory factory, string secretary) =>
        factory.WithDbAsync(db => db.Units.AsNoTracking()
            .SingleAsync(u => u.Id == db.Users.Where(a => a.UserName == secretary).Select(a => a.UnitId).Single()));

    /// <summary>The branches of a community, in seed order.</summary>
    public static Task<List<Unit>> BranchesOfAsync(this JishiFactory factory, int communityId) =>
        factory.WithDbAsync(db => db.Units.AsNoTracking()
            .Where(u => u.ParentId == communityId && u.Kind == UnitKind.Branch).OrderBy(u => u.Id).ToListAsync());

    /// <summary>Creates an account through POST /api/accounts as admin and returns a bearer client for it (its password
    /// already its own, so its token opens the API). A Member account is bound to the last member of the unit's subtree that
    /// has no account yet.</summary>
    public static async Task<HttpClient> ClientForNewAccountAsync(this JishiFactory factory, string role, int unitId)
    {
        var userName = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..30];
        var admin = await factory.ClientForAsync("admin");
        int? memberId = role == Jishi.Web.Features.Accounts.Roles.Member ? await factory.WithDbAsync(db => db.Members
            .Where(m => m.Unit!.Path.StartsWith(db.Units.Where(u => u.Id == unitId).Select(u => u.Path).First()) && !db.Users.Any(u => u.MemberId == m.Id))
            .OrderByDescending(m => m.Id).Select(m => m.Id).FirstAsync()) : null;
        var created = await admin.PostAsJsonAsync("/api/accounts",
            new { userName, displayName = "测试账号", password = AccountPassword, role, unitId, memberId, mustChangePassword = false });
        created.EnsureSuccessStatusCode();
        return await factory.ClientForAsync(userName, AccountPassword);
    }

    /// <summary>Signs in with a generated one-time password, changes it to <see cref="AccountPassword"/> through POST
    /// /api/auth/password (the only thing such a token may do besides asking for a token) and returns a client with a new token.</summary>
    public static async Task<HttpClient> ClientAfterPasswordChangeAsync(this JishiFactory factory, string userName, string oneTimePassword)
    {
        var first = await factory.ClientForAsync(userName, oneTimePassword);
        var changed = await first.PostAsJsonAsync("/api/auth/password", new { currentPassword = oneTimePassword, newPassword = AccountPassword });
        Assert.Equal(System.Net.HttpStatusCode.NoContent, changed.StatusCode);
        return await factory.ClientForAsync(userName, AccountPassword);
    }
}

public sealed record UnitRow(int Id, int? ParentId, string Kind, string Name, bool IsArchived);

public sealed record PageOf<T>(List<T> Items, int Total);

public sealed record MemberRow(int Id, string Name, int UnitId, string Tier, string Status, string? Phone, string? IdNumber);

public sealed record MemberDetailRow(int Id, string Name, string Gender, int UnitId, string UnitName, string Tier, string Status,
    string Category, string? Phone, string? IdNumber, DateOnly? BirthDate, DateOnly? JoinedOn);

public sealed record ProblemRow(int Status, string Title, string? Detail, Dictionary<string, string[]>? Errors);
