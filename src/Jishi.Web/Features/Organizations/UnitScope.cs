using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Organizations;

/// <summary>The one place where "inside the caller's subtree" is spelled out; everything else goes through it.</summary>
public static class UnitScope
{
    public static IQueryable<Unit> Within(this IQueryable<Unit> units, string scopePath) =>
        units.Where(u => u.Path.StartsWith(scopePath));

    /// <summary>The unit with <paramref name="id"/> when the caller may see it; otherwise null (answered as 404).</summary>
    public static async Task<Unit?> FindVisibleUnitAsync(this JishiDbContext db, CurrentUser user, int id, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        return await db.Units.Within(scope).FirstOrDefaultAsync(u => u.Id == id, ct);
    }
}
