using Jishi.Web.Features.Grading;
using System.Globalization;
using Jishi.Web.Features.Turnaround;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Turnaround.Pages;

/// <summary>Resource keys and display forms the turnaround screens share.</summary>
public static class TurnaroundText
{
    public static string Role(HelperRole role) => "Turnaround.HelperRole." + role;

    public static string Category(GradeCategory category) => "Grading.Category." + category;

    public static string Status(TurnaroundStatus status) => "Turnaround.Status." + status;

    public static string StatusColor(TurnaroundStatus status) => status switch
    {
        TurnaroundStatus.Active => "blue",
        TurnaroundStatus.Completed => "green",
        _ => "default",
    };

    public static string Stars(int stars) => new('★', stars);

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"2016年4月" in Chinese, "2016-04" in English.</summary>
    public static string Month(DateOnly month, IStringLocalizer text) => month.ToString(text["Turnaround.MonthFormat"].Value, CultureInfo.InvariantCulture);
}
