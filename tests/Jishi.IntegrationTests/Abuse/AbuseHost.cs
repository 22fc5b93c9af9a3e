using System.Data.Common;
using System.Text;
using System.Text.Json;
using Jishi.IntegrationTests.Authorization;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Jishi.IntegrationTests.Abuse;

/// <summary>The abuse tests' own database: the corpus stores whatever the endpoints accept (names with emoji, script in
/// comments), which must not disturb the tests that share the "api" database.</summary>
[CollectionDefinition(Name)]
public sealed class AbuseCollection : ICollectionFixture<JishiFactory>
{
    public const string Name = "abuse";
}

/// <summary>What the abuse tests need around the factory: callers by role, the ids of community sq01, a fingerprint of
/// every table, and the check every refused request must pass.</summary>
public static class AbuseHost
{
    /// <summary>A caller that the endpoint's policy lets in: sq01 for the community secretary's own endpoints, a member
    /// account for a member's, nobody for open ones, admin (street admin and sysadmin) for the rest.</summary>
    public static async Task<Func<ApiEndpoint, bool, HttpClient>> CallersAsync(JishiFactory factory, int community)
    {
        var admin = await factory.ClientForAsync("admin");
        var secretary = await factory.ClientForAsync("sq01");
        var member = await factory.ClientForNewAccountAsync(Roles.Member, community);
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        return (endpoint, open) => open ? anonymous
            : endpoint.Policies.Contains(Policies.CommunitySecretary) ? secretary
            : endpoint.Policies.Contains(Policies.Member) ? member
            : admin;
    }

    /// <summary>The ids of community sq01, but for the account: the corpus resets passwords with whatever text it sends, so a
    /// throwaway account of the community takes that instead of sq01, whom the tests sign in as.</summary>
    public static async Task<CommunityIds> IdsAsync(JishiFactory factory)
    {
        var ids = await factory.IdsOfAsync("sq01");
        await factory.ClientForNewAccountAsync(Roles.BranchSecretary, ids.Community);
        return ids with { Account = await factory.WithDbAsync(db => db.Users.MaxAsync(u => u.Id)) };
    }

    /// <summary>Row counts of every table of the model (the audit trail included, so an update shows too), in one query.</summary>
    public static Task<string> FingerprintAsync(JishiFactory factory) => factory.WithDbAsync(async db =>
    {
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var sql = string.Join(" UNION ALL ", tables.Select(t => $"SELECT '{t}', COUNT(*) FROM \"{t}\""));
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        var counts = new StringBuilder();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts.Append(reader.GetString(0)).Append('=').Append(reader.GetInt64(1)).Append(';');
        }
        return counts.ToString();
    });

    /// <summary>What is wrong with the answer to a bad request, or null: never a 5xx, and a refusal is a ProblemDetails whose
    /// title or detail a Chinese reader understands.</summary>
    public static async Task<string?> ProblemWithAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            return $"answered {status}: {Truncate(body)}";
        }
        if (status < 400)
        {
            return null;
        }
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"answered {status} with {response.Content.Headers.ContentType?.MediaType ?? "no body"}: {Truncate(body)}";
        }
        using var problem = JsonDocument.Parse(body);
        var title = problem.RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
        var detail = problem.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
        return Corpus.IsChinese(title) && (detail is null || Corpus.IsChinese(detail)) ? null : $"answered {status} without a Chinese message: {Truncate(body)}";
    }

    public static string Truncate(string s) => s.Length <= 300 ? s : s[..300] + "…";
}
