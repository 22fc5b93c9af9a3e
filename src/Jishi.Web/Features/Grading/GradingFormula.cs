namespace Jishi.Web.Features.Grading;

public enum GradeCategory
{
    Lagging = 0,
    Average = 1,
    Advanced = 2,
}

/// <summary>The weights and shares of a round: PRODUCT.md's defaults, each configurable on the round.</summary>
public sealed record GradingSettings(decimal BasicWeight = 0.7m, decimal EvaluationWeight = 0.3m, decimal FiveStarShare = 0.3m, decimal BottomShare = 0.05m)
{
    public const decimal MinBottomShare = 0.05m;
    public const decimal MaxBottomShare = 0.10m;
}

/// <summary>What one branch brings to the formula: the sums of its basic and deduction indicators, its 测评分 and whether
/// a veto item was hit.</summary>
public sealed record GradingInput(int Key, decimal Basic, decimal Deductions, decimal Evaluation, bool Vetoed);

/// <summary>One branch's grade: <see cref="Total"/> rounded to 2 decimals (half away from zero) before it is banded, so
/// that what is posted is what was graded.</summary>
public sealed record GradingOutcome(int Key, decimal Net, decimal Total, int Rank, int Stars, GradeCategory Category, bool Rectify,
    bool Vetoed, bool CappedFromFive);

/// <summary>分类定级 as a pure function of the branches of one round: total = (basic − deductions) × basic weight + 测评分 ×
/// evaluation weight; stars by band (≥ 90 ★5, 80–89 ★4, 70–79 ★3, 60–69 ★2, below ★1); at most the five-star share of all
/// branches keep ★5, the rest of them (lowest totals first) drop to ★4; a veto caps at ★1; the bottom share (at least one
/// branch) is put into 整顿. Branches with the same total always share one fate: a tie straddling the five-star cap drops
/// together (the cap is "at most"), a tie at the bottom boundary is marked together.</summary>
public static class GradingFormula
{
    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    public static int StarsOf(decimal total) => total switch
    {
        >= 90 => 5,
        >= 80 => 4,
        >= 70 => 3,
        >= 60 => 2,
        _ => 1,
    };

    public static GradeCategory CategoryOf(int stars) => stars switch
    {
        >= 4 => GradeCategory.Advanced,
        3 => GradeCategory.Average,
        _ => GradeCategory.Lagging,
    };

    public static decimal TotalOf(GradingInput input, GradingSettings settings) =>
        Round(Math.Max(0, input.Basic - input.Deductions) * settings.BasicWeight + input.Evaluation * settings.EvaluationWeight);

    public static IReadOnlyList<GradingOutcome> Grade(IReadOnlyList<GradingInput> branches, GradingSettings settings)
    {
        var totals = branches.ToDictionary(b => b.Key, b => TotalOf(b, settings));
        var stars = branches.ToDictionary(b => b.Key, b => b.Vetoed ? 1 : StarsOf(totals[b.Key]));

        var fiveCap = (int)Math.Floor(branches.Count * settings.FiveStarShare);
        var fives = branches.Where(b => stars[b.Key] == 5).Select(b => totals[b.Key]).OrderByDescending(t => t).ToList();
        var capped = new HashSet<int>();
        if (fives.Count > fiveCap)
        {
            // The lowest total that may keep ★5: every branch at or below the first total beyond the cap drops.
            var firstOut = fives[fiveCap];
            foreach (var b in branches.Where(b => stars[b.Key] == 5 && totals[b.Key] <= firstOut))
            {
                stars[b.Key] = 4;
                capped.Add(b.Key);
            }
        }

        // Vetoed branches are the weakest whatever their score; the bottom share is counted over all branches.
        var bottomCount = branches.Count == 0 ? 0 : Math.Max(1, (int)Math.Floor(branches.Count * settings.BottomShare));
        var byWeakness = branches.OrderBy(b => b.Vetoed ? 0 : 1).ThenBy(b => totals[b.Key]).ToList();
        var rectify = new HashSet<int>();
        if (bottomCount > 0)
        {
            var last = byWeakness[bottomCount - 1];
            foreach (var b in byWeakness.Where(b => b.Vetoed != last.Vetoed ? b.Vetoed : totals[b.Key] <= totals[last.Key]))
            {
                rectify.Add(b.Key);
            }
        }

        return branches.Select(b =>
        {
            var total = totals[b.Key];
            var rank = 1 + totals.Values.Count(t => t > total);
            // A branch put into 整顿 is 后进, which is ★2 at most.
            var s = rectify.Contains(b.Key) ? Math.Min(stars[b.Key], 2) : stars[b.Key];
            return new GradingOutcome(b.Key, Math.Max(0, b.Basic - b.Deductions), total, rank, s, CategoryOf(s), rectify.Contains(b.Key), b.Vetoed,
                capped.Contains(b.Key));
        }).ToList();
    }
}
