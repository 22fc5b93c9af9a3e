namespace Jishi.Web.Features.Volunteering;

/// <summary>The "Volunteering" configuration section. Lists left empty take the defaults (a configured list replaces the
/// default one rather than adding to it).</summary>
public sealed class VolunteeringOptions
{
    public const string Section = "Volunteering";

    public static readonly IReadOnlyList<int> DefaultStarHours = [100, 300, 600, 1000, 1500];

    public static readonly IReadOnlyList<string> DefaultVenueTypes = ["便民服务中心", "日间照料中心", "空巢老人之家"];

    /// <summary>How long confirmed hours are posted publicly (公示) before a certificate may include them.</summary>
    public int PostingDays { get; set; } = 7;

    public int[] StarHours { get; set; } = [];

    public string[] VenueTypes { get; set; } = [];

    public IReadOnlyList<int> Stars => StarHours.Length > 0 ? StarHours.Order().ToList() : DefaultStarHours;

    public IReadOnlyList<string> Types => VenueTypes.Length > 0 ? VenueTypes : DefaultVenueTypes;
}
