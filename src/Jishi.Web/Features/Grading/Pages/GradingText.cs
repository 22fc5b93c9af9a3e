namespace Jishi.Web.Features.Grading.Pages;

/// <summary>How grades read on every grading screen.</summary>
public static class GradingText
{
    public static string Stars(int stars) => new string('★', stars) + new string('☆', 5 - stars);
}
