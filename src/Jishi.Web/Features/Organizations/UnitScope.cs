using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Organizations;

/// <summary>The one place where "inside the caller's subtree" is spelled out; everything else goes through it.</summary>
public static class UnitScope
{
    public static IQueryable<Unit> Within(this IQueryable<Unit> units, string scopePath) =>
        units.Where(u => u.Path.StartsWith(scopePath));

    /// <summary>The members of the subtree at <paramref name="scopePath"/>.</summary>
    public static IQueryable<Members.Member> Within(this IQueryable<Members.Member> members, string scopePath) =>
        members.Where(m => m.Unit!.Path.StartsWith(scopePath));

    /// <summary>True when the unit at <paramref name="path"/> lies in the subtree at <paramref name="scopePath"/>.</summary>
    public static bool Contains(string scopePath, string path) => path.StartsWith(scopePath, StringComparison.Ordinal);

    /// <summary>The unit with <paramref name="id"/> when the caller may see it; otherwise null (answered as 404).</summary>
    public static async Task<Unit?> FindVisibleUnitAsync(this JishiDbContext db, CurrentUser user, int id, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        return await db.Units.Within(scope).FirstOrDefaultAsync(u => u.Id == id, ct);
    }

    /// <summary>The path of <paramref name="unitId"/> when the caller sees it, or without a unit the caller's own scope;
    /// null for an unknown or foreign unit (answered as 404).</summary>
    public static async Task<string?> ScopeOfAsync(this JishiDbContext db, CurrentUser user, int? unitId, CancellationToken ct) =>
        unitId is { } id ? (await db.FindVisibleUnitAsync(user, id, ct))?.Path : await user.ScopePathAsync(ct);
}
