using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Turnaround;

/// <summary>How every change to a plan runs: the plan is found in the caller's subtree (404 before 403, so a foreign plan is not
/// even confirmed to exist), the entity applies the change, it is saved, and the plan is answered as it now is.</summary>
public sealed class TurnaroundChanges(JishiDbContext db, CurrentUser user, TimeProvider clock, TurnaroundQueries queries)
{
    internal static readonly Error Forbidden = new("Forbidden", StatusCodes.Status403Forbidden);

    public DateOnly Today => queries.Today;
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public string By => user.UserName ?? "";

    /// <summary>The plan with its milestones and progress, tracked, when the caller sees it.</summary>
    public async Task<TurnaroundPlan?> FindAsync(int id, CancellationToken ct)
    {
        var visible = db.Units.Within(await user.ScopePathAsync(ct)).Select(u => u.Id);
        return await db.TurnaroundPlans.Include(p => p.Milestones).Include(p => p.Progress).AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == id && visible.Contains(p.UnitId), ct);
    }

    /// <summary>A change to milestone <paramref name="milestoneId"/> of a running plan.</summary>
    public Task<Result<PlanDto>> ChangeMilestoneAsync(int id, int milestoneId, bool allowed, Func<TurnaroundMilestone, Error?> change,
        CancellationToken ct) =>
        ChangeAsync(id, allowed, p => p.WhyNotChangeable() ?? (p.Milestones.FirstOrDefault(m => m.Id == milestoneId) is { } milestone
            ? change(milestone)
            : Error.NotFound("Entity.TurnaroundMilestone")), ct);

    /// <summary>Applies <paramref name="change"/> to the plan when the caller is <paramref name="allowed"/> to, and saves; a plan
    /// changed by someone else meanwhile answers 409.</summary>
    public async Task<Result<PlanDto>> ChangeAsync(int id, bool allowed, Func<TurnaroundPlan, Error?> change, CancellationToken ct)
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
        return await queries.GetAsync(id, ct);
    }
}
