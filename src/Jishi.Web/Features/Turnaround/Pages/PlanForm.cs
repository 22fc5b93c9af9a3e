using Jishi.Web.Features.Turnaround;

namespace Jishi.Web.Features.Turnaround.Pages;

/// <summary>The fields of a plan as the create and edit dialogs hold them: problems and measures one per line.</summary>
public sealed class PlanForm
{
    public int? UnitId { get; set; }
    public int Year { get; set; }
    public string? Origin { get; set; }
    public string? LeaderName { get; set; }
    public string? HelperName { get; set; }
    public HelperRole HelperRole { get; set; }
    public string? HelperRoleText { get; set; }
    public string? Problems { get; set; }
    public string? Measures { get; set; }
    public string? Target { get; set; }

    public static PlanForm Of(PlanDto p) => new()
    {
        UnitId = p.UnitId, Year = p.Year, Origin = p.Origin, LeaderName = p.LeaderName, HelperName = p.HelperName, HelperRole = p.HelperRole,
        HelperRoleText = p.HelperRoleText, Problems = string.Join('\n', p.Problems), Measures = string.Join('\n', p.Measures), Target = p.Target,
    };

    public PlanDetails Details(int? leaderUserId) =>
        new(Origin, LeaderName, leaderUserId, HelperName, HelperRole, HelperRoleText, Lines(Problems), Lines(Measures), Target);

    public DraftTurnaroundPlan.CreateRequest Create() =>
        new(UnitId ?? 0, Year, Origin, LeaderName, null, HelperName, HelperRole, HelperRoleText, Lines(Problems), Lines(Measures), Target);

    private static List<string> Lines(string? text) => (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
}
