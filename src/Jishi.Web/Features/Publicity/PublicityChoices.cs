using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Publicity;

/// <summary>What the publicity form offers to choose from: the units a report may belong to and the members it may name,
/// both inside the caller's subtree.</summary>
public sealed class PublicityChoices(JishiDbContext db, CurrentUser user)
{
    public sealed record Choice(int Id, string Name);

    /// <summary>The communities and branches the caller sees, in the order of the tree.</summary>
    public async Task<IReadOnlyList<Choice>> UnitsAsync(CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        return await db.Units.Within(scope).Where(u => (u.Kind == UnitKind.Community || u.Kind == UnitKind.Branch) && !u.IsArchived)
            .OrderBy(u => u.Path).Select(u => new Choice(u.Id, u.Name)).ToListAsync(ct);
    }

    /// <summary>The active members of the unit and the units below it; none for a unit the caller does not see.</summary>
    public async Task<IReadOnlyList<Choice>> MembersAsync(int unitId, CancellationToken ct)
    {
        var path = (await db.FindVisibleUnitAsync(user, unitId, ct))?.Path ?? "-";
        return await db.Members.Within(path).Where(m => m.Status == MemberStatus.Active)
            .OrderBy(m => m.Name).Select(m => new Choice(m.Id, m.Name)).ToListAsync(ct);
    }
}
