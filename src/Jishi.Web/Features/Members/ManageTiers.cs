using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Members;

public sealed record TierDto(string Name, int SortOrder, bool IsActive, int MemberCount);

/// <summary>The configurable list of tiers (分层类别). A tier in use is retired, never deleted, so history keeps its name.</summary>
public sealed class ManageTiers(JishiDbContext db)
{
    public async Task<IReadOnlyList<TierDto>> ListAsync(CancellationToken ct) =>
        await db.MemberTiers.AsNoTracking().OrderBy(t => t.SortOrder)
            .Select(t => new TierDto(t.Name, t.SortOrder, t.IsActive, db.Members.Count(m => m.Tier == t.Name)))
            .ToListAsync(ct);

    public async Task<Result<TierDto>> AddAsync(string? name, CancellationToken ct)
    {
        // A request without the field binds null: the same refusal as an empty name.
        name = name?.Trim() ?? "";
        if (name.Length is 0 or > 20)
        {
            return new ValidationError([new FieldProblem("name", "Tier.NameInvalid")]);
        }
        if (await db.MemberTiers.AnyAsync(t => t.Name == name, ct))
        {
            return Error.Conflict("Tier.Exists", name);
        }
        var order = await db.MemberTiers.Select(t => (int?)t.SortOrder).MaxAsync(ct) ?? -1;
        var tier = new MemberTier { Name = name, SortOrder = order + 1 };
        db.MemberTiers.Add(tier);
        await db.SaveChangesAsync(ct);
        return new TierDto(tier.Name, tier.SortOrder, true, 0);
    }

    public async Task<Result<TierDto>> SetActiveAsync(string name, bool active, CancellationToken ct)
    {
        if (await db.MemberTiers.FirstOrDefaultAsync(t => t.Name == name, ct) is not { } tier)
        {
            return Error.NotFound("Entity.Tier");
        }
        tier.IsActive = active;
        await db.SaveChangesAsync(ct);
        return new TierDto(tier.Name, tier.SortOrder, tier.IsActive, await db.Members.CountAsync(m => m.Tier == name, ct));
    }
}
