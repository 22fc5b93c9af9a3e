using System.Globalization;
using Jishi.Web.Features.Turnaround;

namespace Jishi.Web.Features.Turnaround.Pages;

/// <summary>Resource keys and display forms the turnaround screens share.</summary>
public static class TurnaroundText
{
    public static string Role(HelperRole role) => "Turnaround.HelperRole." + role;

    public static string Category(BranchCategory category) => "Turnaround.Category." + category;

    public static string Status(TurnaroundStatus status) => "Turnaround.Status." + status;

    public static string StatusColor(TurnaroundStatus status) => status switch
    {
        TurnaroundStatus.Active => "blue",
        TurnaroundStatus.Completed => "green",
        _ => "default",
    };

    public static string Stars(int stars) => new('★', stars);

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
