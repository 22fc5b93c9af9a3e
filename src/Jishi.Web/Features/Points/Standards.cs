namespace Jishi.Web.Features.Points;

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
