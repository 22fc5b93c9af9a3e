using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Organizations;

/// <summary>The national items of a unit, with its secretary as a member of the roster when the name matches one.</summary>
public sealed record UnitItemsDto(int Id, string Name, UnitKind Kind, string? SecretaryName, int? SecretaryMemberId,
    string? ContactName, string? ContactPhone, string? OrgCategory, string? EmployerSituation, string? EmployerName,
    string? EmployerCategory, string? EmployerOrgSetup, string? EmployerCreditCode);

/// <summary>A unit's secretary as named in 党组织书记: the member of that name in the unit's subtree (one found directly
/// in the unit wins over others below it), or only the name when none or several match; null when vacant.</summary>
public sealed record UnitSecretary(string Name, int? MemberId);

/// <summary>Reads and changes the national items of a unit in the caller's subtree.</summary>
public sealed class UnitItems(JishiDbContext db, CurrentUser user)
{
    public sealed record Request(string? SecretaryName, string? ContactName, string? ContactPhone, string? OrgCategory,
        string? EmployerSituation, string? EmployerName, string? EmployerCategory, string? EmployerOrgSetup, string? EmployerCreditCode);

    public async Task<Result<UnitItemsDto>> GetAsync(int id, CancellationToken ct) =>
        await db.FindVisibleUnitAsync(user, id, ct) is { } unit ? await ToDtoAsync(unit, ct) : Error.NotFound("Entity.Unit");

    public async Task<Result<UnitItemsDto>> SaveAsync(int id, Request r, CancellationToken ct)
    {
        if (await db.FindVisibleUnitAsync(user, id, ct) is not { } unit)
        {
            return Error.NotFound("Entity.Unit");
        }
        var items = new Dictionary<OrgColumn, string?>
        {
            [OrgColumn.Secretary] = r.SecretaryName, [OrgColumn.Contact] = r.ContactName, [OrgColumn.Phone] = r.ContactPhone,
            [OrgColumn.Category] = r.OrgCategory, [OrgColumn.EmployerSituation] = r.EmployerSituation, [OrgColumn.EmployerName] = r.EmployerName,
            [OrgColumn.EmployerCategory] = r.EmployerCategory, [OrgColumn.EmployerOrgSetup] = r.EmployerOrgSetup,
            [OrgColumn.CreditCode] = r.EmployerCreditCode?.Trim().ToUpperInvariant(),
        };
        if (items.FirstOrDefault(i => i.Value?.Trim().Length > 100) is { Value: not null } tooLong)
        {
            return Error.Invalid("OrgImport.ItemTooLong", OrgLayout.Header(tooLong.Key), 100);
        }
        if (!string.IsNullOrWhiteSpace(r.OrgCategory) && r.OrgCategory.Trim() is var category
            && (!OrgCategories.IsKnown(category) || !OrgCategories.Allows(unit.Kind, category)) && unit.Kind != UnitKind.Street)
        {
            return Error.Invalid("OrgImport.ItemCategory", category, "UnitKind." + unit.Kind);
        }
        if (!string.IsNullOrWhiteSpace(items[OrgColumn.CreditCode]) && !CreditCode.IsValid(items[OrgColumn.CreditCode]!))
        {
            return Error.Invalid("OrgImport.ItemCreditCode", items[OrgColumn.CreditCode]!);
        }
        unit.SetItems(items);
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(unit, ct);
    }

    /// <summary>The secretaries of every unit of the caller's subtree that names one, matched against the roster now.</summary>
    public async Task<IReadOnlyDictionary<int, UnitSecretary>> SecretariesAsync(CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        var named = await db.Units.AsNoTracking().Within(scope).Where(u => u.SecretaryName != null)
            .Select(u => new { u.Id, Name = u.SecretaryName! }).ToListAsync(ct);
        var names = named.Select(u => u.Name).Distinct().ToList();
        var members = await db.Units.AsNoTracking().Within(scope)
            .Join(db.Members.Where(m => m.Status == MemberStatus.Active && names.Contains(m.Name)), u => u.Id, m => m.UnitId,
                (u, m) => new { m.Id, m.Name, m.UnitId, u.Path })
            .ToListAsync(ct);
        return named.ToDictionary(u => u.Id, u =>
        {
            var candidates = members.Where(m => m.Name == u.Name && Unit.IdsOf(m.Path).Contains(u.Id)).ToList();
            var direct = candidates.Where(m => m.UnitId == u.Id).ToList();
            var match = direct.Count == 1 ? direct[0] : direct.Count == 0 && candidates.Count == 1 ? candidates[0] : null;
            return new UnitSecretary(u.Name, match?.Id);
        });
    }

    private async Task<UnitItemsDto> ToDtoAsync(Unit u, CancellationToken ct)
    {
        var secretary = (await SecretariesAsync(ct)).GetValueOrDefault(u.Id);
        return new UnitItemsDto(u.Id, u.Name, u.Kind, u.SecretaryName, secretary?.MemberId, u.ContactName, u.ContactPhone, u.OrgCategory,
            u.EmployerSituation, u.EmployerName, u.EmployerCategory, u.EmployerOrgSetup, u.EmployerCreditCode);
    }
}
