using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Files;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Turnaround;

/// <summary>Reads of 后进转化 plans within the caller's subtree (a plan outside it answers 404): the list, one plan with its
/// milestones, evidence and progress, a piece of evidence to download; <see cref="SummaryAsync"/> is what the street dashboard
/// shows.</summary>
public sealed class TurnaroundQueries(JishiDbContext db, CurrentUser user, TimeProvider clock)
{
    /// <summary><paramref name="UnitId"/> narrows to a community or a branch; <paramref name="OverdueOnly"/> keeps plans with an overdue milestone.</summary>
    public sealed record ListRequest(int? Year = null, int? UnitId = null, TurnaroundStatus? Status = null, bool? OverdueOnly = null,
        int? Page = null, int? PageSize = null);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<Result<Page<PlanRow>>> ListAsync(ListRequest request, CancellationToken ct)
    {
        if (await db.ScopeOfAsync(user, request.UnitId, ct) is not { } scope)
        {
            return Error.NotFound("Entity.Unit");
        }
        var today = Today;
        var overdue = OverdueMilestones(today);
        var plans = db.TurnaroundPlans.AsNoTracking().Where(p => request.Year == null || p.Year == request.Year)
            .Where(p => request.Status == null || p.Status == request.Status);
        if (request.OverdueOnly == true)
        {
            plans = plans.Where(p => p.Status == TurnaroundStatus.Active && overdue.Any(m => m.PlanId == p.Id));
        }
        var rows = from p in plans
                   join u in db.Units.Within(scope) on p.UnitId equals u.Id
                   orderby p.Year descending, u.Parent!.SortOrder, u.ParentId, u.SortOrder, p.Id
                   select new PlanRow(p.Id, p.UnitId, u.Name, u.Parent!.Name, p.Year, p.Origin, p.LeaderName, p.HelperName, p.HelperRole, p.Target,
                       p.Status, db.TurnaroundMilestones.Count(m => m.PlanId == p.Id),
                       db.TurnaroundMilestones.Count(m => m.PlanId == p.Id && m.DoneOn != null),
                       p.Status == TurnaroundStatus.Active ? overdue.Count(m => m.PlanId == p.Id) : 0,
                       db.TurnaroundProgress.Where(e => e.PlanId == p.Id).Max(e => (DateOnly?)e.Month), p.NewStars);
        return await rows.ToPageAsync(request.Page, request.PageSize, ct);
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
        var milestoneIds = found.Plan.Milestones.Select(m => m.Id).ToList();
        var files = await db.TurnaroundFiles.Where(f => milestoneIds.Contains(f.MilestoneId))
            .ListedByAsync(nameof(TurnaroundFile.MilestoneId), ct);
        return found.Plan.AsDto(found.Branch, found.Community, files, Today, user);
    }

    /// <summary>A piece of evidence of milestone <paramref name="milestoneId"/> of plan <paramref name="id"/>, to send.</summary>
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

    /// <summary>The summary of the caller's subtree, or of <paramref name="unitId"/> in it.</summary>
    public async Task<Result<TurnaroundSummary>> SummaryForAsync(int? unitId, int? year, CancellationToken ct) =>
        await db.ScopeOfAsync(user, unitId, ct) is { } scope ? await SummaryAsync(scope, year, ct) : Error.NotFound("Entity.Unit");

    /// <summary>Plans of the units under <paramref name="scopePath"/> (a Unit.Path prefix) counted by status, and their overdue milestones.</summary>
    public async Task<TurnaroundSummary> SummaryAsync(string scopePath, int? year, CancellationToken ct)
    {
        var today = Today;
        var plans = from p in db.TurnaroundPlans.AsNoTracking()
                    join u in db.Units.Within(scopePath) on p.UnitId equals u.Id
                    where year == null || p.Year == year
                    select new { Plan = p, Unit = u };
        var counts = await plans.GroupBy(x => x.Plan.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(TurnaroundStatus status) => counts.FirstOrDefault(c => c.Status == status)?.Count ?? 0;
        var overdue = await (from x in plans.Where(x => x.Plan.Status == TurnaroundStatus.Active)
                             join m in OverdueMilestones(today) on x.Plan.Id equals m.PlanId
                             orderby m.DueOn, x.Unit.Id, m.Id
                             select new { PlanId = x.Plan.Id, MilestoneId = m.Id, UnitId = x.Unit.Id, x.Unit.Name, Community = x.Unit.Parent!.Name, m.Title, m.DueOn })
            .ToListAsync(ct);
        return new TurnaroundSummary(year, Count(TurnaroundStatus.Active), Count(TurnaroundStatus.Completed), Count(TurnaroundStatus.Cancelled),
            overdue.Select(o => new OverdueMilestone(o.PlanId, o.MilestoneId, o.UnitId, o.Name, o.Community, o.Title, o.DueOn,
                today.DayNumber - o.DueOn.DayNumber)).ToList());
    }

    /// <summary>The rule of <see cref="TurnaroundMilestone.IsOverdue"/> as a query (whether the plan still runs is checked by the caller).</summary>
    private IQueryable<TurnaroundMilestone> OverdueMilestones(DateOnly today) =>
        db.TurnaroundMilestones.AsNoTracking().Where(m => m.DoneOn == null && m.DueOn < today);
}
