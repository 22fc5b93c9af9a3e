using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Organizations;

/// <summary>The caller's subtree, parents before children.</summary>
public sealed class ListUnits(JishiDbContext db, CurrentUser user)
{
    public async Task<IReadOnlyList<UnitDto>> HandleAsync(bool includeArchived, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        var units = await db.Units.AsNoTracking().Within(scope)
            .Where(u => includeArchived || !u.IsArchived)
            .ToListAsync(ct);
        // Ordered here: the database stores Kind as text, whose order (Branch, Community, …) is not the tree's.
        return units.OrderBy(u => u.Kind).ThenBy(u => u.SortOrder).ThenBy(u => u.Id).Select(u => u.AsDto()).ToList();
    }
}
