using Jishi.Web.Data;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Setup;

/// <summary>"Use the defaults for this year": the street gets version 1 of the default rule set for every active tier
/// that has no current set yet, made by the points feature's own <see cref="RuleSetLookup"/>; existing sets stay as they are.</summary>
public sealed class UseDefaultRuleSets(JishiDbContext db, CurrentUser user, RuleSetLookup rules, SetupStatus status, TimeProvider clock)
{
    public async Task<Result<SetupStatusDto>> HandleAsync(CancellationToken ct)
    {
        if (await SetupStatus.OwnStreetAsync(db, user, ct) is not { } street)
        {
            return Error.NotFound("Entity.Unit");
        }
        var year = clock.GetLocalNow().Year;
        foreach (var tier in await db.MemberTiers.Where(t => t.IsActive).OrderBy(t => t.SortOrder).Select(t => t.Name).ToListAsync(ct))
        {
            await rules.CurrentAsync(street.Id, tier, year, ct);
        }
        return await status.HandleAsync(ct);
    }
}
