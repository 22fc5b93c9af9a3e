namespace Jishi.Web.Features.Points;

/// <summary>"What if": a year's assessment scores recomputed under other rules. Each counted entry of the year (approved,
/// neither a reversal nor reversed) is posted again, in date order, by the rule of the same code in the other set, with
/// that set's points, caps, veto items and base score; an item the other set lacks gives nothing. Members without
/// entries stand at the base score.</summary>
public static class WhatIf
{
    public sealed record PastEntry(int MemberId, string RuleCode, decimal Quantity, DateOnly OccurredOn);

    public static Dictionary<int, decimal> Scores(RuleSet rules, IEnumerable<int> members, IEnumerable<PastEntry> entries)
    {
        var byMember = entries.GroupBy(e => e.MemberId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.OccurredOn).ToList());
        var scores = new Dictionary<int, decimal>();
        foreach (var member in members)
        {
            decimal earned = 0;
            var vetoes = 0;
            var used = new CapUsage();
            foreach (var entry in byMember.GetValueOrDefault(member) ?? [])
            {
                if (rules.Rule(entry.RuleCode) is not { } rule)
                {
                    continue;
                }
                var (month, year) = used.Of(rule.Code, entry.OccurredOn);
                var (granted, _) = rule.Grant(rule.PointsFor(entry.Quantity), month, year);
                used.Add(rule.Code, entry.OccurredOn, granted);
                earned += granted;
                vetoes += rule.IsVeto ? 1 : 0;
            }
            scores[member] = MemberPoints.ScoreOf(rules.BaseScore, earned, vetoes);
        }
        return scores;
    }
}
