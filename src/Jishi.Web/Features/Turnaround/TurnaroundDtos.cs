using Jishi.Web.Features.Grading;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Files;

namespace Jishi.Web.Features.Turnaround;

public sealed record MilestoneDto(int Id, string Title, DateOnly DueOn, DateOnly? DoneOn, string? Note, bool Overdue, int DaysOverdue,
    IReadOnlyList<StoredFileDto> Files);

public sealed record ProgressDto(int Id, DateOnly Month, string Text, string Author, DateTime RecordedAt, DateTime? UpdatedAt, bool Editable);

/// <summary>What the caller may do with the plan: edit it (street, community secretary), decide on it (street: re-grade and close,
/// cancel), report on it (anyone who sees it, while it runs: milestones done, evidence, progress).</summary>
public sealed record PlanPermissions(bool Edit, bool Decide, bool Report);

public sealed record PlanDto(int Id, int UnitId, string BranchName, string CommunityName, int Year, string Origin, string LeaderName,
    int? LeaderUserId, string HelperName, HelperRole HelperRole, string? HelperRoleText, IReadOnlyList<string> Problems,
    IReadOnlyList<string> Measures, string Target, TurnaroundStatus Status, DateOnly? RegradedOn, int? NewStars, GradeCategory? NewCategory,
    string? RegradeNote, string? CancelReason, string? ClosedBy, DateTime? ClosedAt, string CreatedBy, DateTime CreatedAt,
    IReadOnlyList<MilestoneDto> Milestones, IReadOnlyList<ProgressDto> Progress, PlanPermissions Can);

/// <summary>One plan in the list: its branch and community, who leads and helps, how far its milestones are.</summary>
public sealed record PlanRow(int Id, int UnitId, string BranchName, string CommunityName, int Year, string Origin, string LeaderName,
    string HelperName, HelperRole HelperRole, string Target, TurnaroundStatus Status, int Milestones, int MilestonesDone,
    int OverdueMilestones, DateOnly? LastProgressMonth, int? NewStars);

/// <summary>A milestone of a running plan past its due date and not done.</summary>
public sealed record OverdueMilestone(int PlanId, int MilestoneId, int UnitId, string BranchName, string CommunityName, string Title,
    DateOnly DueOn, int DaysOverdue);

/// <summary>The turnaround work of a subtree in a year (all years when none): plans by status and the overdue milestones,
/// most overdue first.</summary>
public sealed record TurnaroundSummary(int? Year, int Active, int Completed, int Cancelled, IReadOnlyList<OverdueMilestone> Overdue);

public static class TurnaroundDtoMapping
{
    /// <summary>The plan as <paramref name="caller"/> sees it on <paramref name="today"/>: overdue milestones, editable progress
    /// and permissions only while it runs; <paramref name="files"/> are the evidence by milestone id.</summary>
    public static PlanDto AsDto(this TurnaroundPlan p, string branchName, string communityName, ILookup<int, StoredFileDto> files,
        DateOnly today, CurrentUser caller)
    {
        var running = p.Status == TurnaroundStatus.Active;
        return new PlanDto(p.Id, p.UnitId, branchName, communityName, p.Year, p.Origin, p.LeaderName, p.LeaderUserId, p.HelperName,
            p.HelperRole, p.HelperRoleText, p.Problems, p.Measures, p.Target, p.Status, p.RegradedOn, p.NewStars, p.NewCategory,
            p.RegradeNote, p.CancelReason, p.ClosedBy, p.ClosedAt, p.CreatedBy, p.CreatedAt,
            p.Milestones.OrderBy(m => m.DueOn).ThenBy(m => m.Id).Select(m => m.AsDto(running, today, files[m.Id].ToList())).ToList(),
            p.Progress.OrderByDescending(e => e.Month).Select(e => e.AsDto(running, today)).ToList(),
            new PlanPermissions(running && caller.MayEditPlans(), running && caller.MayDecidePlans(), running));
    }

    /// <summary>Overdue only while the plan is <paramref name="running"/>: a closed plan has nothing left to chase.</summary>
    public static MilestoneDto AsDto(this TurnaroundMilestone m, bool running, DateOnly today, IReadOnlyList<StoredFileDto> files) =>
        new(m.Id, m.Title, m.DueOn, m.DoneOn, m.Note, running && m.IsOverdue(today), running ? m.DaysOverdue(today) : 0, files);

    public static ProgressDto AsDto(this TurnaroundProgress e, bool running, DateOnly today) =>
        new(e.Id, e.Month, e.Text, e.Author, e.RecordedAt, e.UpdatedAt, running && e.IsEditable(today));
}
