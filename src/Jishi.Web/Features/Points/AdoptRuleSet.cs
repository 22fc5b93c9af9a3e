using Jishi.Web.Data;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Points;

/// <summary>Adopts a draft: first what adopting it would change against the current version (the confirmation before
/// it), then making it current. The version it replaces is retired and keeps every entry that names it.</summary>
public sealed class AdoptRuleSet(JishiDbContext db, CurrentUser user, RuleSetLookup rules)
{
    public async Task<Result<RuleSetChanges>> ChangesAsync(int id, CancellationToken ct)
    {
        var found = await db.FindDraftAsync(user, id, ct);
        if (found.Value is not { } set)
        {
            return found.Error!;
        }
        return set.ChangesFrom(await rules.FindCurrentAsync(set.StreetId, set.Tier, set.Year, ct));
    }

    public async Task<Result<RuleSetDto>> AdoptAsync(int id, CancellationToken ct)
    {
        var found = await db.FindDraftAsync(user, id, ct);
        if (found.Value is not { } set)
        {
            return found.Error!;
        }
        set.Adopt(await rules.FindCurrentAsync(set.StreetId, set.Tier, set.Year, ct));
        await db.SaveChangesAsync(ct);
        return set.AsDto();
    }
}
