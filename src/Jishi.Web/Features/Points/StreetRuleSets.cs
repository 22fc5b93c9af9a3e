using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Points;

/// <summary>The rule sets a caller works on: those of the streets within the caller's scope (a street admin's own street,
/// every street for the whole tree).</summary>
internal static class StreetRuleSets
{
    public static IQueryable<RuleSet> OfStreetsWithin(this IQueryable<RuleSet> sets, string scope) =>
        sets.Where(s => ("/" + s.StreetId + "/").StartsWith(scope));

    /// <summary>The set <paramref name="id"/> with its rules, tracked, when the caller's scope holds its street.</summary>
    public static async Task<RuleSet?> FindRuleSetAsync(this JishiDbContext db, CurrentUser user, int id, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        return await db.RuleSets.Include(s => s.Rules).AsSplitQuery().OfStreetsWithin(scope).FirstOrDefaultAsync(s => s.Id == id, ct);
    }

    /// <summary>The set <paramref name="id"/> as <see cref="FindRuleSetAsync"/> finds it, when it is still a draft.</summary>
    public static async Task<Result<RuleSet>> FindDraftAsync(this JishiDbContext db, CurrentUser user, int id, CancellationToken ct)
    {
        if (await db.FindRuleSetAsync(user, id, ct) is not { } set)
        {
            return Error.NotFound("Entity.RuleSet");
        }
        return set.WhyNotDraft() is { } notDraft ? notDraft : set;
    }
}
