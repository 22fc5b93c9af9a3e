using Jishi.Web.Data;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Points;

/// <summary>Changes a draft as a whole: base score, star thresholds, community review and the list of items, each item
/// checked (<see cref="RuleProblems"/>) and coded (<see cref="WithCodes"/>).</summary>
public sealed class ReviseRuleSet(JishiDbContext db, CurrentUser user)
{
    public const int MaxCode = 40;
    public const int MaxName = 100;
    public const int MaxPoints = 1000;

    private const string ItemCodePrefix = "item-";

    /// <summary><paramref name="CommunityReview"/> left out keeps the draft's setting.</summary>
    public sealed record ReviseRequest(decimal? BaseScore, string? StarThresholds, IReadOnlyList<RuleDto>? Rules,
        bool? CommunityReview = null);

    public async Task<Result<RuleSetDto>> ReviseAsync(int id, ReviseRequest request, CancellationToken ct)
    {
        var found = await db.FindDraftAsync(user, id, ct);
        if (found.Value is not { } set)
        {
            return found.Error!;
        }
        var problems = new List<FieldProblem>();
        var stars = StarScale.TryParse(request.StarThresholds);
        if (stars is null)
        {
            problems.Add(new("starThresholds", "Points.StarsInvalid"));
        }
        if (request.BaseScore is not (>= 0 and <= 100))
        {
            problems.Add(new("baseScore", "Points.BaseScoreRange"));
        }
        var items = WithCodes(request.Rules ?? []);
        problems.AddRange(items.SelectMany(RuleProblems));
        foreach (var duplicate in items.GroupBy(r => r.Code?.Trim()).Where(g => g.Count() > 1))
        {
            problems.Add(new("rules", "Points.RuleCodeTwice", duplicate.Key ?? ""));
        }
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        set.Revise(request.BaseScore!.Value, stars!, items.Select(r => new PointRule(r.Code.Trim(), r.Name.Trim(), r.Points, r.Unit.Trim(),
            r.CapPerMonth, r.CapPerYear, r.NeedsApproval, r.NeedsEvidence, r.IsVeto)), request.CommunityReview);
        await db.SaveChangesAsync(ct);
        return set.AsDto();
    }

    /// <summary>What is wrong with one item, each as its own message: a name, a unit, a code of at most
    /// <see cref="MaxCode"/> characters, points within ±<see cref="MaxPoints"/> and caps that are not negative.</summary>
    public static IEnumerable<FieldProblem> RuleProblems(RuleDto r)
    {
        var label = string.IsNullOrWhiteSpace(r.Name) ? r.Code ?? "" : r.Name.Trim();
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Trim().Length > MaxName)
        {
            yield return new("rules", "Points.RuleNameRequired", MaxName);
        }
        if (string.IsNullOrWhiteSpace(r.Code) || r.Code.Trim().Length > MaxCode)
        {
            yield return new("rules", "Points.RuleCodeInvalid", label, MaxCode);
        }
        if (string.IsNullOrWhiteSpace(r.Unit) || r.Unit.Trim().Length > 10)
        {
            yield return new("rules", "Points.RuleUnitRequired", label);
        }
        if (Math.Abs(r.Points) > MaxPoints)
        {
            yield return new("rules", "Points.RulePointsRange", label, MaxPoints);
        }
        if (r.CapPerMonth < 0 || r.CapPerYear < 0)
        {
            yield return new("rules", "Points.RuleCapNegative", label);
        }
    }

    /// <summary>Items added on the screen come without a code: each gets "item-N", N one past the highest such code.</summary>
    public static IReadOnlyList<RuleDto> WithCodes(IReadOnlyList<RuleDto> items)
    {
        var next = items.Select(r => r.Code?.Trim() ?? "").Where(c => c.StartsWith(ItemCodePrefix, StringComparison.Ordinal))
            .Select(c => int.TryParse(c[ItemCodePrefix.Length..], System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max() + 1;
        return items.Select(r => string.IsNullOrWhiteSpace(r.Code) ? r with { Code = ItemCodePrefix + next++ } : r).ToList();
    }
}
