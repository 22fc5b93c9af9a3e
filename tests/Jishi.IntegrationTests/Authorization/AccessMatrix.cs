using Jishi.Web.Features.Accounts;

namespace Jishi.IntegrationTests.Authorization;

/// <summary>Who calls in the matrix: the five roles, each with a resource it owns and one it does not.</summary>
public enum Caller { StreetAdmin, CommunitySecretary, BranchSecretary, Member, SysAdmin }

/// <summary>The expected answers of one endpoint: per caller, a set of statuses for the caller's own ids and one for foreign
/// ids. "ok" is any answer past authorization and scope: 2xx, or 400, 409, 422 (placeholder values may well be refused on their
/// merits, a certificate of no hours is a conflict); "401", "403", "404" are those statuses; "|" joins alternatives.</summary>
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

    public static bool Allows(string spec, int status) => spec.Split('|').Any(s => s switch
    {
        "ok" => status is >= 200 and < 300 or 400 or 409 or 422,
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
        [Policies.BulkAccounts] = Expectation.Parse("SA ok/404 CS ok/404 BS 403 M 403 SYS 403"),
        [Policies.Maintenance] = Expectation.Parse("SA ok/404 CS 403 BS 403 M 403 SYS ok/404"),
        // Screens only: 我的述职报告 and 我的积分.
        [Policies.CommunitySecretary] = Expectation.Parse("SA 403 CS ok/404 BS 403 M 403 SYS 403"),
        [Policies.Member] = Expectation.Parse("SA 403 CS 403 BS 403 M ok SYS 403"),
        // Open to every signed-in caller: each such endpoint has a row of its own (no default would be safe).
        [""] = Expectation.Parse(""),
    };

    /// <summary>Rows: "METHOD pattern" → the cells that differ from the policy's default (all cells for endpoints without a policy).</summary>
    public static readonly IReadOnlyDictionary<string, string> Rows = new Dictionary<string, string>
    {
        // Open to every signed-in caller: the tree (each sees their subtree), tiers, rules, the text tools (they store nothing).
        ["GET /api/units"] = "SA ok CS ok BS ok M ok SYS ok",
        ["GET /api/tiers"] = "SA ok CS ok BS ok M ok SYS ok",
        ["GET /api/points/rules"] = "SA ok CS ok BS ok M ok SYS ok",
        ["POST /api/text/clean"] = "SA ok CS ok BS ok M ok SYS ok",
        ["POST /api/text/import"] = "SA ok CS ok BS ok M ok SYS ok",
        // Everyone changes their own password (the placeholder current password is wrong: 400).
        ["POST /api/auth/password"] = "SA ok CS ok BS ok M ok SYS ok",
        // A member's own pages: an account without a member has none.
        ["GET /api/my/points"] = "SA 404 CS 404 BS 404 M ok SYS 404",
        ["GET /api/my/member-evaluation"] = "SA 404 CS 404 BS 404 M ok SYS 404",
        ["PUT /api/my/member-evaluation/self-assessment"] = "SA 404 CS 404 BS 404 M ok SYS 404",
        ["POST /api/my/objections"] = "SA 404 CS 404 BS 404 M ok/404 SYS 404",
        // 微心愿: staff see their subtree's and claim for a member of it; a member claims for themself (the placeholder wish is
        // not open to members); an account without a member has no claims of its own.
        ["GET /api/wishes/mine"] = "SA 403 CS 403 BS 403 M ok SYS 403",
        ["GET /api/wishes/open"] = "SA ok CS ok BS ok M ok SYS ok",
        ["GET /api/wishes/{id:int}"] = "SA ok/404 CS ok/404 BS 404 M ok|404/404 SYS 404",
        ["GET /api/wishes/{id:int}/files/{photoId:int}"] = "SA ok/404 CS ok/404 BS 404 M ok|404/404 SYS 404",
        ["POST /api/wishes/{id:int}/claim"] = "SA ok/404 CS ok/404 BS 404 M ok|404/404 SYS 404",
        ["POST /api/wishes/{id:int}/fulfil"] = "SA ok/404 CS ok/404 BS 404 M ok|404/404 SYS 404",
        ["POST /api/wishes/{id:int}/withdraw"] = "SA ok/404 CS ok/404 BS 404 M ok|404/404 SYS 404",
        // A member's own 民主评议 (the placeholder member may take part in no round).
        ["GET /api/my/member-evaluation"] = "SA 404 CS 404 BS 404 M ok|404 SYS 404",
        ["PUT /api/my/member-evaluation/self-assessment"] = "SA 404 CS 404 BS 404 M ok|404 SYS 404",
        // 完整号码: the street and the community see them, a branch secretary never (the refusal says so, whatever the id).
        ["POST /api/members/{id:int}/reveal"] = "BS 403",
        // Verifying a 整改 task and the 后进转化 plans are the street's (and, for plans, the community's) decisions; with foreign
        // ids the scope answers first.
        ["POST /api/rectifications/{id:int}/verify"] = "CS 403 BS 403",
        ["POST /api/turnaround/plans"] = "CS 403 BS 403",
        ["PUT /api/turnaround/plans/{id:int}"] = "BS 403/404",
        ["POST /api/turnaround/plans/{id:int}/cancel"] = "CS 403/404 BS 403/404",
        ["POST /api/turnaround/plans/{id:int}/regrade"] = "CS 403/404 BS 403/404",
        ["POST /api/turnaround/plans/{id:int}/milestones"] = "BS 403/404",
        ["PUT /api/turnaround/plans/{id:int}/milestones/{milestoneId:int}"] = "BS 403/404",
        ["DELETE /api/turnaround/plans/{id:int}/milestones/{milestoneId:int}"] = "BS 403/404",
        // The community reviews its branches' gradings; a branch secretary submits their own.
        ["POST /api/grading/branches/{gradingId:int}/review"] = "BS 403/404",
        // A 述职报告 is written and submitted by the community's secretary, not by the street.
        ["PUT /api/reviews/{id:int}/subjects/{subjectId:int}/report"] = "SA 403/404",
        ["POST /api/reviews/{id:int}/subjects/{subjectId:int}/report/submit"] = "SA 403/404",
        // Records the street owns as a whole (its campaign, grading round, key tasks): the community that moved to the second
        // street stays in them as history, so the street's admin may still act on its part or be refused it.
        ["PUT /api/reviews/{id:int}/subjects/{subjectId:int}/comment"] = "SA ok/ok|404",
        ["PUT /api/reviews/{id:int}/subjects/{subjectId:int}/daily-score"] = "SA ok/ok|404",
        ["PUT /api/reviews/{id:int}/subjects/{subjectId:int}/veto"] = "SA ok/ok|404",
        // 会前检查: the token is a random one of a check the screen opened; the matrix knows none, so 404.
        ["GET /api/hall-checks/{token}"] = "SA 404",
        ["POST /api/reviews"] = "SA ok/ok|404",
        // A draft's settings: the street admin who may create a campaign, on a campaign of their own street.
        ["PUT /api/reviews/{id:int}"] = "SA ok/404",
        ["POST /api/grading/objections/{gradingObjectionId:int}/answer"] = "SA ok/ok|404",
        ["PUT /api/grading/rounds/{roundId:int}/evaluations"] = "SA ok/ok|404",
        ["POST /api/key-tasks"] = "SA ok/ok|404",
        ["PUT /api/key-tasks/{id:int}"] = "SA ok/ok|404",
        // Nobody changes their own top unit: a branch secretary's own id is their branch.
        ["DELETE /api/units/{id:int}"] = "BS 404",
        ["POST /api/units/{id:int}/archive"] = "BS 404",
        ["POST /api/units/{id:int}/restore"] = "BS 404",
        // Past the scope, the placeholder names nothing that exists: no exemption, voucher, paper ballot, dashboard panel; a
        // 整改 task names a branch where the campaign has communities; the copy carries the community that moved out of the street.
        ["DELETE /api/points/exemptions"] = "SA ok|404/404 CS ok|404/404 BS ok|404/404",
        ["POST /api/shops/{shopId:int}/vouchers/{code}/verify"] = "SA ok|404/404 CS ok|404/404",
        ["POST /api/reviews/{id:int}/paper-entries"] = "SA ok|404/404",
        ["DELETE /api/reviews/{id:int}/paper-entries/{token}"] = "SA ok|404/404",
        // The demo's campaigns name no trustee (their keys are the server's): the placeholder names none.
        ["DELETE /api/reviews/{id:int}/trustees/{trusteeId:int}"] = "SA 404/404",
        ["POST /api/reviews/{id:int}/copy"] = "SA ok|404/404",
        ["POST /api/reviews/{id:int}/rectifications"] = "SA ok|404/404",
        ["GET /api/dashboard/export.xlsx"] = "SA ok|404 CS ok|404 BS ok|404",
        // A branch secretary may create an activity for their branch; its time is checked before the venue.
        ["POST /api/activities"] = "BS ok|404",
    };

    /// <summary>Reads whose answer names units outside the caller's subtree by design: 对标一流 shows the street's best branch.</summary>
    public static readonly IReadOnlySet<string> NamesOtherUnits = new HashSet<string> { "GET /api/grading/branches/{gradingId:int}/benchmark" };

    /// <summary>The public endpoints and what an anonymous caller gets with placeholder values (every other endpoint: 401).</summary>
    public static readonly IReadOnlyDictionary<string, string> Public = new Dictionary<string, string>
    {
        // Placeholder credentials are refused (unless a role's account write made just that account).
        ["POST /api/auth/token"] = "ok|401",
        // Ballots by token: the placeholder token names none.
        ["GET /api/ballots/{token}"] = "404",
        ["POST /api/ballots/{token}"] = "404",
        ["GET /api/member-evaluations/ballots/{token}"] = "404",
        ["POST /api/member-evaluations/ballots/{token}"] = "404",
        // Receipts after the close (the demo campaign is open: 409).
        ["GET /api/reviews/{id:int}/receipts"] = "ok",
        // The sealed ballots and proofs, and their check, go out with the results like the receipts (ADR-015).
        ["GET /api/reviews/{id:int}/sealed"] = "ok|409",
        ["GET /api/reviews/{id:int}/verify"] = "ok|409",
        // The grading 公示 is public, and so are objections to it (the placeholder names no grading of the round).
        ["GET /api/grading/posting/{roundId:int}"] = "ok",
        ["POST /api/grading/posting/{roundId:int}/objections"] = "ok|404",
        // 微心愿 from residents: the communities, the submission, tracking by code, a community's wall.
        ["GET /api/wishes/communities"] = "ok",
        ["POST /api/wishes/public"] = "ok",
        ["GET /api/wishes/track/{code}"] = "404",
        ["POST /api/wishes/track/{code}/confirm"] = "404",
        ["GET /api/wishes/wall/{unitId:int}"] = "ok",
        // The API reference.
        ["GET /api/docs/{documentName?}"] = "ok",
        ["GET /api/docs/favicon.svg"] = "ok",
        ["GET /api/docs/scalar.aspnetcore.js"] = "ok",
        ["GET /api/docs/scalar.js"] = "ok",
    };

    /// <summary>Resources that belong to a community as a whole, not to one of its branches: with a community's ids a branch
    /// secretary is outside their subtree, so their "own" answer is the foreign one.</summary>
    private static readonly HashSet<string> CommunityLevel =
    [
        "parent", "subject", "problem", "rectification", "file", "posting", "objection", "shop", "goods", "redemption", "wish", "wishe",
        "photo", "venue", "activity", "signup", "volunteer", "cell", "cellevidence", "duty", "publicity",
    ];

    /// <summary>What <paramref name="caller"/> gets from a screen that demands <paramref name="policies"/> ("ok" for a screen
    /// any signed-in caller may open), or null for a policy without a default row.</summary>
    public static string? ScreenOf(IReadOnlyList<string> policies, Caller caller) =>
        policies.Count == 0 ? "ok"
        : Defaults.TryGetValue(policies.Contains(Policies.StreetAdmin) ? Policies.StreetAdmin : string.Join(",", policies), out var row)
            ? row.Cells[caller].Own : null;

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
