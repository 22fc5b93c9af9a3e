namespace Jishi.Web.Features.Points;

/// <summary>What each rule has granted one member so far, by month, for posting a year's entries in memory (what-if,
/// demo) under the caps: the database's running equivalent is <see cref="PointsLedger"/> summing the member's entries.</summary>
public sealed class CapUsage
{
    private readonly Dictionary<(string Code, int Month), decimal> _granted = [];

    public (decimal Month, decimal Year) Of(string code, DateOnly on) =>
        (_granted.GetValueOrDefault((code, on.Month)), _granted.Where(g => g.Key.Code == code).Sum(g => g.Value));

    public void Add(string code, DateOnly on, decimal granted) => _granted[(code, on.Month)] = _granted.GetValueOrDefault((code, on.Month)) + granted;
}
