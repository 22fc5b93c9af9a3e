namespace Jishi.Web.Features.Points;

/// <summary>A version of a street's rules as the rule-set screens and GET/POST/PUT /api/points/rulesets show it.</summary>
public sealed record RuleSetDto(int Id, string Tier, int Year, int Version, RuleSetStatus Status, decimal BaseScore, string StarThresholds,
    IReadOnlyList<RuleDto> Rules, bool CommunityReview);

public sealed record RuleSetPreviewRow(int MemberId, string Name, decimal CurrentScore, int CurrentStars, decimal PreviewScore,
    int PreviewStars);

/// <summary>GET /api/points/rulesets/{id}/preview: how a year's members would have scored under a set, beside what they scored.</summary>
public sealed record RuleSetPreview(int RuleSetId, int Year, int Members, int StarsUp, int StarsDown,
    IReadOnlyList<RuleSetPreviewRow> Rows);

public static class RuleSetDtoMapping
{
    public static RuleSetDto AsDto(this RuleSet s) => new(s.Id, s.Tier, s.Year, s.Version, s.Status, s.BaseScore, s.StarThresholds,
        s.Rules.OrderBy(r => r.SortOrder).Select(r => r.ToDto()).ToList(), s.CommunityReview);
}
