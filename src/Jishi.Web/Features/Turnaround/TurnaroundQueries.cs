using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Turnaround;

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

/// <summary>Reads of 后进转化 plans within the caller's subtree; <see cref="SummaryAsync"/> is what the street dashboard shows.</summary>
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
