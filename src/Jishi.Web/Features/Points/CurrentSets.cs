using Microsoft.Extensions.Caching.Memory;

namespace Jishi.Web.Features.Points;

/// <summary>Current rule sets for award requests, kept a short while so that a burst of awards does not read the same set
/// and its rules for every request (ADR-008). A set that a draft's adoption retired meanwhile is caught where it counts:
/// <see cref="AwardWriter"/> checks inside its transaction that each award's set is still current, and the award is then
/// checked again against a fresh read.</summary>
public sealed class CurrentSets(IMemoryCache cache)
{
    private static readonly TimeSpan Keep = TimeSpan.FromSeconds(30);

    private sealed record Key(int Street, string Tier, int Year);

    /// <param name="fresh">Read the database even when a set is cached (a rule the cached set lacks, or a retired set).</param>
    public async Task<RuleSet> GetAsync(RuleSetLookup rules, int street, string tier, int year, bool fresh, CancellationToken ct)
    {
        var key = new Key(street, tier, year);
        if (!fresh && cache.TryGetValue(key, out RuleSet? cached))
        {
            return cached!;
        }
        var set = await rules.CurrentAsync(street, tier, year, ct);
        cache.Set(key, set, Keep);
        return set;
    }
}
