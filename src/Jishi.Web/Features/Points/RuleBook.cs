using Jishi.Web.Data;
using Jishi.Web.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Points;

/// <summary>Finds the current rule set of a street, tier and year, creating version 1 from the defaults the first time a
/// year's entry needs it, so every new street and year starts with <see cref="RuleSet.DefaultRules"/>.</summary>
public sealed class RuleBook(JishiDbContext db, WriteGate gate)
{
    /// <summary>The gate key of creating a year's default rule set on PostgreSQL (no member's id).</summary>
    private const int RuleSetsKey = -1;

    /// <summary>The street of a unit: the first id of its path ("/1/5/12/" → 1).</summary>
    public static int StreetOf(string unitPath) => int.Parse(unitPath.Split('/', StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture);

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

/// <summary>Base score and star scale per street and tier; the defaults where a street has no set yet for the tier.</summary>
public sealed class Standards(Dictionary<(int Street, string Tier), (decimal Base, StarScale Stars)> sets)
{
    private static readonly StarScale DefaultStars = StarScale.Parse(StarScale.Default);

    public decimal BaseOf(int streetId, string tier) => sets.TryGetValue((streetId, tier), out var s) ? s.Base : RuleSet.DefaultBaseScore;

    /// <summary>The highest base score any member can have: of every set, and the default where a street has none.</summary>
    public decimal HighestBase => sets.Values.Select(s => s.Base).Append(RuleSet.DefaultBaseScore).Max();

    public StarScale StarsOf(int streetId, string tier) => sets.TryGetValue((streetId, tier), out var s) ? s.Stars : DefaultStars;

    public static Standards For(RuleSet set) => new(new() { [(set.StreetId, set.Tier)] = (set.BaseScore, set.Stars) });
}
