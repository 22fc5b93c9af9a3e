using Microsoft.Extensions.Localization;

namespace Jishi.Web.Shared;

/// <summary>Values stored in Chinese as the national layout writes them (性别 男/女, the default 分层类别 names), shown in the
/// reader's language: the resource <c>Enums.{kind}.{stored}</c> when there is one, else the stored value itself (a tier an
/// office added). The stored values, the API and the national exports keep the Chinese.</summary>
public static class StoredValues
{
    public static string Gender(this IStringLocalizer text, string? stored) => Display(text, "Gender", stored);

    public static string Tier(this IStringLocalizer text, string? stored) => Display(text, "Tier", stored);

    private static string Display(IStringLocalizer text, string kind, string? stored) =>
        string.IsNullOrEmpty(stored) ? "" : text[$"Enums.{kind}.{stored}"] is { ResourceNotFound: false } shown ? shown.Value : stored;
}
