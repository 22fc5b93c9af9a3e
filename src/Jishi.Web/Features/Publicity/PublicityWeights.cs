using Jishi.Web.Features.Points;

namespace Jishi.Web.Features.Publicity;

/// <summary>How much one report counts by outlet level: 区级 1, 市级 2, 省级 4, 国家级 8 by default (a report higher up reaches
/// more readers and is harder to get). Set in configuration under Jishi:Publicity:Weights (District, City, Province, National).</summary>
public sealed class PublicityWeights
{
    public const string Section = "Jishi:Publicity:Weights";

    public decimal District { get; init; } = 1;
    public decimal City { get; init; } = 2;
    public decimal Province { get; init; } = 4;
    public decimal National { get; init; } = 8;

    public decimal Of(OutletLevel level) => level switch
    {
        OutletLevel.District => District,
        OutletLevel.City => City,
        OutletLevel.Province => Province,
        _ => National,
    };

    /// <summary>The points rule a credited member is awarded by, one per level (the default rule sets carry all four).</summary>
    public static string RuleCodeOf(OutletLevel level) => level switch
    {
        OutletLevel.District => RuleCodes.PublicityDistrict,
        OutletLevel.City => RuleCodes.PublicityCity,
        OutletLevel.Province => RuleCodes.PublicityProvince,
        _ => RuleCodes.PublicityNational,
    };
}
