using Jishi.Web.Data;
using Jishi.Web.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Points;

/// <summary>Finds the rule set in force: the current set of a street, tier and year, creating version 1 from the defaults
/// the first time a year's entry needs it, so every new street and year starts with <see cref="RuleSet.DefaultRules"/>;
/// and the <see cref="Standards"/> of every current set of a year.</summary>
public sealed class RuleSetLookup(JishiDbContext db, WriteGate gate)
{
    /// <summary>The gate key of creating a year's default rule set on PostgreSQL (no member's id).</summary>
    private const int RuleSetsKey = -1;

    public Task<RuleSet?> FindCurrentAsync(int streetId, string tier, int year, CancellationToken ct) =>
        db.RuleSets.Include(s => s.Rules).AsSplitQuery()
            .FirstOrDefaultAsync(s => s.StreetId == streetId && s.Tier == tier && s.Year == year && s.Status == RuleSetStatus.Current, ct);

    /// <summary>The current set, or the defaults as version 1 (stored). The first entries of a new year arrive together:
    /// this process creates the set once (the others wait at the gate and then find it), and the unique index settles a race
    /// with another process.</summary>
    public async Task<RuleSet> CurrentAsync(int streetId, string tier, int year, CancellationToken ct)
    {
        if (await FindCurrentAsync(streetId, tier, year, ct) is { } current)
        {
            return current;
        }
        using var turn = await gate.EnterAsync(db.Database.IsSqlite() ? WriteGate.WholeDatabase : RuleSetsKey, ct);
        if (await FindCurrentAsync(streetId, tier, year, ct) is { } meanwhile)
        {
            return meanwhile;
        }
        var created = RuleSet.CreateDefault(streetId, tier, year);
        db.RuleSets.Add(created);
        try
        {
            await db.SaveChangesAsync(ct);
            return created;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return await FindCurrentAsync(streetId, tier, year, ct) ?? throw new InvalidOperationException("The rule set vanished.", e);
        }
    }

    /// <summary>Base score and stars of every current set of a year, by street and tier, for pages that show many members.</summary>
    public async Task<Standards> StandardsAsync(int year, CancellationToken ct)
    {
        var sets = await db.RuleSets.AsNoTracking().Where(s => s.Year == year && s.Status == RuleSetStatus.Current)
            .Select(s => new { s.StreetId, s.Tier, s.BaseScore, s.StarThresholds }).ToListAsync(ct);
        return new Standards(sets.ToDictionary(s => (s.StreetId, s.Tier), s => (s.BaseScore, StarScale.Parse(s.StarThresholds))));
    }
}
