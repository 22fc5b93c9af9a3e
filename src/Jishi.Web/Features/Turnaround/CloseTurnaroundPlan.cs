using Jishi.Web.Features.Points;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Turnaround;

/// <summary>The street ends a running plan: re-grades the branch and closes it as completed, or cancels it with a reason.</summary>
public sealed class CloseTurnaroundPlan(CurrentUser user, TurnaroundChanges changes)
{
    public Task<Result<PlanDto>> RegradeAsync(int id, Regrading request, CancellationToken ct) =>
        changes.ChangeAsync(id, user.MayDecidePlans(), p => p.Complete(request, changes.Today, changes.By, changes.Now), ct);

    public Task<Result<PlanDto>> CancelAsync(int id, PointsLedger.ReasonRequest request, CancellationToken ct) =>
        changes.ChangeAsync(id, user.MayDecidePlans(), p => p.Cancel(request.Reason, changes.By, changes.Now), ct);
}
