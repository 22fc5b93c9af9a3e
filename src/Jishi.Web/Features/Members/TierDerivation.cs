namespace Jishi.Web.Features.Members;

/// <summary>The tier of a member whose row gives none (the national layout has no 分层类别): a floating member is 流动,
/// a retired one (工作岗位 离退休人员, 离休人员, 退休人员) is 离退休, everyone else 在职. The office corrects it afterwards
/// where a member belongs to another tier.</summary>
public static class TierDerivation
{
    public const string Floating = "流动";
    public const string Retired = "离退休";
    public const string Employed = "在职";

    public static string Derive(bool isFloating, string? post) =>
        isFloating ? Floating
        : post is { } p && (p.Contains("离退休", StringComparison.Ordinal) || p.Contains("退休", StringComparison.Ordinal)
            || p.Contains("离休", StringComparison.Ordinal)) ? Retired
        : Employed;
}
