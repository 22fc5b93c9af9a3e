using Jishi.Web.Features.Accounts;

namespace Jishi.IntegrationTests.Authorization;

/// <summary>Who calls in the matrix: the five roles, each with a resource it owns and one it does not.</summary>
public enum Caller { StreetAdmin, CommunitySecretary, BranchSecretary, Member, SysAdmin }

/// <summary>The expected answers of one endpoint: per caller, a set of statuses for the caller's own ids and one for foreign
/// ids. "ok" is a 2xx to a read and, to a write, any answer past authorization (2xx, 400, 409, 422: the placeholder body
/// may well be refused on its merits); "401", "403", "404" are those statuses; "|" joins alternatives.</summary>
public sealed record Expectation(IReadOnlyDictionary<Caller, (string Own, string Foreign)> Cells)
{
    private static readonly Dictionary<string, Caller> Codes = new()
    {
        ["SA"] = Caller.StreetAdmin, ["CS"] = Caller.CommunitySecretary, ["BS"] = Caller.BranchSecretary, ["M"] = Caller.Member,
        ["SYS"] = Caller.SysAdmin,
    };

    /// <summary>"SA ok/404 CS 403": a code, then own/foreign (one value for both); callers not named keep <paramref name="basis"/>'s cells.</summary>
    public static Expectation Parse(string text, Expectation? basis = null)
    {
        var cells = basis?.Cells.ToDictionary() ?? [];
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length % 2 != 0)
        {
            throw new FormatException($"'{text}': every caller code needs its answers");
        }
        for (var i = 0; i < tokens.Length; i += 2)
        {
            var parts = tokens[i + 1].Split('/');
            cells[Codes[tokens[i]]] = (parts[0], parts.Length > 1 ? parts[1] : parts[0]);
        }
        return new Expectation(cells);
    }

    public static bool Allows(string spec, int status, string method) => spec.Split('|').Any(s => s switch
    {
        "ok" => status is >= 200 and < 300 || method != "GET" && status is 400 or 409 or 422,
        _ => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture) == status,
    });

    /// <summary>Whether an answer in the set can have changed something (it lets the request through).</summary>
    public static bool MayPass(string spec) => spec.Split('|').Contains("ok");
}

/// <summary>THE authorization matrix of the API (issue 6 §4): every endpoint of the route table gets its expectation from its
/// policy's default row, overridden by its own row below; an endpoint without a policy must have a row, and a public one must
/// be listed in <see cref="Public"/>, so that a new endpoint fails the test until someone decides who may call it.</summary>
public static class AccessMatrix
{
    // Own ids are those of the caller's unit; foreign ids those of a unit beside it: another street for the street admin (the
    // test moves 文化街社区 to a second street), the neighbouring community for the community secretary, the sibling branch and
    // a branch of another community for the branch secretary, another member of the same branch for a member.
    private static readonly Dictionary<string, Expectation> Defaults = new()
    {
        [Policies.OrgManager] = Expectation.Parse("SA ok/404 CS ok/404 BS ok/404 M 403 SYS 403"),
        [Policies.StreetAdmin] = Expectation.Parse("SA ok/404 CS 403 BS 403 M 403 SYS 403"),
        [Policies.Accounts] = Expectation.Parse("SA ok/404 CS 403 BS 403 M 403 SYS ok/404"),
        [Policies.Audit] = Expectation.Parse("SA ok/404 CS 403 BS 403 M 403 SYS ok/404"),
        // Open to every signed-in caller: each such endpoint has a row of its own (no default would be safe).
        [""] = Expectation.Parse(""),
    };

    /// <summary>Rows: "METHOD pattern" → the cells that differ from the policy's default (all cells for endpoints without a policy).</summary>
    public static readonly IReadOnlyDictionary<string, string> Rows = new Dictionary<string, string>
    {
    };

    /// <summary>The public endpoints and what an anonymous caller gets with placeholder values (every other endpoint: 401).</summary>
    public static readonly IReadOnlyDictionary<string, string> Public = new Dictionary<string, string>
    {
    };

    /// <summary>Resources that belong to a community as a whole, not to one of its branches: with a community's ids a branch
    /// secretary is outside their subtree, so their "own" answer is the foreign one.</summary>
    private static readonly HashSet<string> CommunityLevel =
    [
        "parent", "subject", "problem", "rectification", "file", "posting", "objection", "shop", "goods", "redemption", "wish", "wishe",
        "photo", "venue", "activity", "signup", "volunteer", "cell", "cellevidence", "duty", "publicity",
    ];

    /// <summary>The expectation of <paramref name="endpoint"/>, or why it has none.</summary>
    public static (Expectation? Expected, string? Missing) For(ApiEndpoint endpoint)
    {
        var key = endpoint.ToString();
        var policy = endpoint.Policies.Contains(Policies.StreetAdmin) ? Policies.StreetAdmin : string.Join(",", endpoint.Policies);
        if (!Defaults.TryGetValue(policy, out var basis))
        {
            return (null, $"{key}: policy '{policy}' has no default row in AccessMatrix");
        }
        var expected = Rows.TryGetValue(key, out var row) ? Expectation.Parse(row, basis) : basis;
        var missing = Enum.GetValues<Caller>().Where(c => !expected.Cells.ContainsKey(c)).ToList();
        return missing.Count == 0 ? (expected, null)
            : (null, $"{key} is open to any signed-in caller: add a row to AccessMatrix.Rows for {string.Join(", ", missing)}");
    }

    /// <summary>The branch secretary's own expectation when the request names community-wide resources.</summary>
    public static string OwnOf(Caller caller, (string Own, string Foreign) cell, ISet<string> resources) =>
        caller == Caller.BranchSecretary && resources.Overlaps(CommunityLevel) ? cell.Foreign : cell.Own;
}
