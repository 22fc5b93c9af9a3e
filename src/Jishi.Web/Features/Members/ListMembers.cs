using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Members;

/// <summary>Searches the roster of the caller's subtree (a unit includes its descendants); numbers come masked.</summary>
public sealed class ListMembers(JishiDbContext db, CurrentUser user)
{
    public sealed record Request(int? UnitId = null, string? Q = null, string? Tier = null, MemberStatus? Status = null,
        MemberCategory? Category = null, int? Page = null, int? PageSize = null);

    public async Task<Result<Page<MemberListItem>>> HandleAsync(Request r, CancellationToken ct)
    {
        var query = await FilterAsync(r, ct);
        if (query is null)
        {
            return Error.NotFound("Entity.Unit");
        }
        var page = await query.OrderBy(m => m.UnitId).ThenBy(m => m.Id)
            .Select(m => new MemberListItem(m.Id, m.Name, m.UnitId, m.Tier, m.Status, m.Unit!.Name, m.Gender, m.Category,
                m.JoinedOn, m.Phone, m.IdNumber, m.Position))
            .ToPageAsync(r.Page, r.PageSize, ct);
        // Lists show ID numbers and phones masked to every role; the member's form reveals them, audited (RevealMember).
        return page with
        {
            Items = page.Items.Select(i => i with { Phone = Masking.Phone(i.Phone), IdNumber = Masking.IdNumber(i.IdNumber) }).ToList(),
        };
    }

    /// <summary>The filtered, scoped query (also used by the export); null when the unit is outside the scope.</summary>
    public async Task<IQueryable<Member>?> FilterAsync(Request r, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        if (r.UnitId is { } unitId)
        {
            if (await db.FindVisibleUnitAsync(user, unitId, ct) is not { } unit)
            {
                return null;
            }
            scope = unit.Path;
        }
        var query = db.Members.AsNoTracking().Within(scope);
        if (r.Q?.Trim() is { Length: > 0 } q)
        {
            var digits = MemberRules.NormalizeDigits(q)!;
            query = query.Where(m => m.Name.Contains(q) || (m.Phone != null && m.Phone.Contains(digits))
                || (m.IdNumber != null && m.IdNumber.Contains(digits)));
        }
        if (r.Tier is { Length: > 0 } tier)
        {
            query = query.Where(m => m.Tier == tier);
        }
        if (r.Status is { } status)
        {
            query = query.Where(m => m.Status == status);
        }
        if (r.Category is { } category)
        {
            query = query.Where(m => m.Category == category);
        }
        return query;
    }
}
