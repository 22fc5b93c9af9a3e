using Jishi.Web.Shared;

namespace Jishi.Web.Features.Volunteering;

/// <summary>Field checks shared by the volunteering handlers.</summary>
public static class Texts
{
    public static void Require(List<FieldProblem> problems, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(field, "Volunteering.Required"));
        }
        else if (value.Trim().Length > max)
        {
            problems.Add(new(field, "Text.TooLong", max));
        }
    }
}
