using Jishi.Web.Features.Grading;
using Jishi.Web.Data;
using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Files;
using Jishi.Web.Shared.Data;
using Microsoft.EntityFrameworkCore;

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


/// <summary>后进转化 plans from creation to re-grading. The street creates, re-grades and cancels; the street and the community
/// secretary edit the plan and its milestones; everyone who sees the plan (down to the branch secretary of its branch) marks
/// milestones done, adds evidence and writes the month's progress. A plan outside the caller's subtree answers 404.</summary>
public sealed class TurnaroundPlans(JishiDbContext db, CurrentUser user, TimeProvider clock)
{
    public sealed record CreateRequest(int UnitId, int Year, string? Origin, string? LeaderName, int? LeaderUserId, string? HelperName,
        HelperRole HelperRole, string? HelperRoleText, List<string>? Problems, List<string>? Measures, string? Target)
    {
        public PlanDetails Details => new(Origin, LeaderName, LeaderUserId, HelperName, HelperRole, HelperRoleText, Problems, Measures, Target);
    }

    public sealed record MilestoneRequest(string? Title, DateOnly? DueOn, string? Note);

    public sealed record DoneRequest(DateOnly? DoneOn, string? Note);

    public sealed record ProgressRequest(string? Text);

    private static readonly Error Forbidden = new("Forbidden", StatusCodes.Status403Forbidden);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private string By => user.UserName ?? "";
    private bool IsStreet => user.IsInRole(Roles.StreetAdmin);
    private bool MayEdit => IsStreet || user.IsInRole(Roles.CommunitySecretary);

    public async Task<Result<PlanDto>> CreateAsync(CreateRequest request, CancellationToken ct)
    {
        if (!IsStreet)
        {
            return Forbidden;
        }
        if (await db.FindVisibleUnitAsync(user, request.UnitId, ct) is not { } unit)
        {
            return Error.NotFound("Entity.Unit");
        }
        var problems = request.Details.Validate().ToList();
        if (unit is not { Kind: UnitKind.Branch, IsArchived: false })
        {
            problems.Add(new("unitId", "Turnaround.NotBranch"));
        }
        if (request.Year is < 2000 or > 2100)
        {
            problems.Add(new("year", "Turnaround.YearRange"));
        }
        if (await LeaderProblemAsync(request.LeaderUserId, unit.Path, ct) is { } leader)
        {
            problems.Add(leader);
        }
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        if (await db.TurnaroundPlans.AnyAsync(p => p.UnitId == unit.Id && p.Year == request.Year && p.Status == TurnaroundStatus.Active, ct))
        {
            return Error.Conflict("Turnaround.PlanExists", unit.Name, request.Year);
        }
        var plan = new TurnaroundPlan(unit.Id, request.Year, request.Details, By, Now);
        db.TurnaroundPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        return await GetAsync(plan.Id, ct);
    }

    public async Task<Result<PlanDto>> GetAsync(int id, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        var found = await (from t in db.TurnaroundPlans.AsNoTracking().Include(t => t.Milestones).Include(t => t.Progress)
                           join u in db.Units.Within(scope) on t.UnitId equals u.Id
                           where t.Id == id
                           select new { Plan = t, Branch = u.Name, Community = u.Parent!.Name }).AsSplitQuery().FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return Error.NotFound("Entity.TurnaroundPlan");
        }
        var p = found.Plan;
        var milestoneIds = p.Milestones.Select(m => m.Id).ToList();
        var files = await db.TurnaroundFiles.Where(f => milestoneIds.Contains(f.MilestoneId)).ListedByAsync(nameof(TurnaroundFile.MilestoneId), ct);
        var today = Today;
        var running = p.Status == TurnaroundStatus.Active;
        return new PlanDto(p.Id, p.UnitId, found.Branch, found.Community, p.Year, p.Origin, p.LeaderName, p.LeaderUserId, p.HelperName, p.HelperRole,
            p.HelperRoleText, p.Problems, p.Measures, p.Target, p.Status, p.RegradedOn, p.NewStars, p.NewCategory, p.RegradeNote, p.CancelReason,
            p.ClosedBy, p.ClosedAt, p.CreatedBy, p.CreatedAt,
            p.Milestones.OrderBy(m => m.DueOn).ThenBy(m => m.Id).Select(m => new MilestoneDto(m.Id, m.Title, m.DueOn, m.DoneOn, m.Note,
                running && m.IsOverdue(today), running ? m.DaysOverdue(today) : 0, files[m.Id].ToList())).ToList(),
            p.Progress.OrderByDescending(e => e.Month).Select(e => new ProgressDto(e.Id, e.Month, e.Text, e.Author, e.RecordedAt, e.UpdatedAt,
                running && e.IsEditable(today))).ToList(),
            new PlanPermissions(running && MayEdit, running && IsStreet, running));
    }

    public async Task<Result<PlanDto>> UpdateAsync(int id, PlanDetails details, CancellationToken ct)
    {
        var visible = db.Units.Within(await user.ScopePathAsync(ct));
        var branchPath = await db.TurnaroundPlans.Where(p => p.Id == id)
            .Select(p => visible.Where(u => u.Id == p.UnitId).Select(u => u.Path).FirstOrDefault()).FirstOrDefaultAsync(ct);
        if (branchPath is null)
        {
            return Error.NotFound("Entity.TurnaroundPlan");
        }
        if (MayEdit && await LeaderProblemAsync(details.LeaderUserId, branchPath, ct) is { } leader)
        {
            return new ValidationError([leader]);
        }
        return await ChangeAsync(id, MayEdit, p => p.Edit(details), ct);
    }

    public Task<Result<PlanDto>> AddMilestoneAsync(int id, MilestoneRequest request, CancellationToken ct) =>
        ChangeAsync(id, MayEdit, p => p.AddMilestone(request.Title, request.DueOn, request.Note).Error, ct);

    public Task<Result<PlanDto>> UpdateMilestoneAsync(int id, int milestoneId, MilestoneRequest request, CancellationToken ct) =>
        ChangeMilestoneAsync(id, milestoneId, MayEdit, m => m.Edit(request.Title, request.DueOn, request.Note), ct);

    /// <summary>Removes a milestone planned by mistake; one that is done or has evidence is part of the record and stays.</summary>
    public async Task<Result<PlanDto>> DeleteMilestoneAsync(int id, int milestoneId, CancellationToken ct)
    {
        var hasFiles = await db.TurnaroundFiles.AnyAsync(f => f.MilestoneId == milestoneId, ct);
        return await ChangeMilestoneAsync(id, milestoneId, MayEdit, m =>
        {
            if (m.DoneOn is not null || hasFiles)
            {
                return Error.Conflict("Turnaround.MilestoneRecorded");
            }
            db.TurnaroundMilestones.Remove(m);
            return null;
        }, ct);
    }

    public Task<Result<PlanDto>> MarkDoneAsync(int id, int milestoneId, DoneRequest request, CancellationToken ct) =>
        ChangeMilestoneAsync(id, milestoneId, true, m => m.MarkDone(request.DoneOn, request.Note, Today), ct);

    public async Task<Result<StoredFileDto>> UploadAsync(int id, int milestoneId, UploadedFile upload, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } plan || plan.Milestones.All(m => m.Id != milestoneId))
        {
            return Error.NotFound("Entity.TurnaroundPlan");
        }
        if (plan.WhyNotChangeable() is { } closed)
        {
            return closed;
        }
        var checkedFile = await upload.CheckAsync(FileKinds.Documents, ct);
        if (checkedFile.Error is { } refused)
        {
            return refused;
        }
        var file = new TurnaroundFile(milestoneId, checkedFile.Value!, By, Now);
        db.TurnaroundFiles.Add(file);
        await db.SaveChangesAsync(ct);
        return StoredFileDto.Of(file);
    }

    public async Task<Result<FileDownload>> DownloadAsync(int id, int milestoneId, int fileId, CancellationToken ct)
    {
        var visible = db.Units.Within(await user.ScopePathAsync(ct)).Select(u => u.Id);
        var milestones = from m in db.TurnaroundMilestones
                         join p in db.TurnaroundPlans on m.PlanId equals p.Id
                         where m.Id == milestoneId && p.Id == id && visible.Contains(p.UnitId)
                         select m.Id;
        return await db.TurnaroundFiles.Where(f => milestones.Contains(f.MilestoneId)).DownloadAsync(fileId, ct) is { } download
            ? download
            : Error.NotFound("Entity.TurnaroundFile");
    }

    /// <summary>This month's entry; a second one the same month is refused, also when two arrive at once (unique index).</summary>
    public async Task<Result<PlanDto>> AddProgressAsync(int id, ProgressRequest request, CancellationToken ct)
    {
        try
        {
            return await ChangeAsync(id, true, p => p.AddProgress(request.Text, By, Today, Now).Error, ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("Turnaround.ProgressExists");
        }
    }

    public Task<Result<PlanDto>> UpdateProgressAsync(int id, int progressId, ProgressRequest request, CancellationToken ct) =>
        ChangeAsync(id, true, p => p.WhyNotChangeable() ?? (p.Progress.FirstOrDefault(e => e.Id == progressId) is { } entry
            ? entry.Edit(request.Text, Today, Now)
            : Error.NotFound("Entity.TurnaroundProgress")), ct);

    public Task<Result<PlanDto>> RegradeAsync(int id, Regrading request, CancellationToken ct) =>
        ChangeAsync(id, IsStreet, p => p.Complete(request, Today, By, Now), ct);

    public Task<Result<PlanDto>> CancelAsync(int id, PointsLedger.ReasonRequest request, CancellationToken ct) =>
        ChangeAsync(id, IsStreet, p => p.Cancel(request.Reason, By, Now), ct);

    /// <summary>The responsible leader's account, when one is named, belongs to the street or community above the branch.</summary>
    private async Task<FieldProblem?> LeaderProblemAsync(int? leaderUserId, string branchPath, CancellationToken ct)
    {
        if (leaderUserId is not { } leader)
        {
            return null;
        }
        var path = await db.Users.Where(u => u.Id == leader).Select(u => db.Units.Where(x => x.Id == u.UnitId).Select(x => x.Path).FirstOrDefault())
            .FirstOrDefaultAsync(ct);
        return path is not null && UnitScope.Sees(path, branchPath) ? null : new("leaderUserId", "Turnaround.NoSuchUser");
    }

    private async Task<TurnaroundPlan?> FindAsync(int id, CancellationToken ct)
    {
        var visible = db.Units.Within(await user.ScopePathAsync(ct)).Select(u => u.Id);
        return await db.TurnaroundPlans.Include(p => p.Milestones).Include(p => p.Progress).AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == id && visible.Contains(p.UnitId), ct);
    }

    private Task<Result<PlanDto>> ChangeMilestoneAsync(int id, int milestoneId, bool allowed, Func<TurnaroundMilestone, Error?> change, CancellationToken ct) =>
        ChangeAsync(id, allowed, p => p.WhyNotChangeable() ?? (p.Milestones.FirstOrDefault(m => m.Id == milestoneId) is { } milestone
            ? change(milestone)
            : Error.NotFound("Entity.TurnaroundMilestone")), ct);

    /// <summary>Finds the plan in scope (404 before 403, so a foreign plan is not even confirmed to exist), applies the change, saves.</summary>
    private async Task<Result<PlanDto>> ChangeAsync(int id, bool allowed, Func<TurnaroundPlan, Error?> change, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } plan)
        {
            return Error.NotFound("Entity.TurnaroundPlan");
        }
        if (!allowed)
        {
            return Forbidden;
        }
        if (change(plan) is { } error)
        {
            return error;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("Turnaround.ChangedMeanwhile");
        }
        db.ChangeTracker.Clear();
        return await GetAsync(id, ct);
    }
}
