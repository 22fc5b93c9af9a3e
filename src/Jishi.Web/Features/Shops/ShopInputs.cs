using Jishi.Web.Shared;

namespace Jishi.Web.Features.Shops;

/// <summary>The checks the shop forms share: required and bounded text, trimmed, blank as null.</summary>
internal static class ShopInputs
{
    public static void CheckText(List<FieldProblem> problems, string field, string? value, int max, bool required)
    {
        if (required && Trimmed(value) is null)
        {
            problems.Add(new(field, "Shops.Required"));
        }
        else if (value?.Trim().Length > max)
        {
            problems.Add(new(field, "Text.TooLong", max));
        }
    }

    public static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
