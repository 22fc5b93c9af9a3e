using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Turnaround;

/// <summary>The dated steps of a running plan, planned by the street and the community secretary.</summary>
public sealed class ScheduleMilestones(JishiDbContext db, CurrentUser user, TurnaroundChanges changes)
{
    public sealed record MilestoneRequest(string? Title, DateOnly? DueOn, string? Note);

    public Task<Result<PlanDto>> AddMilestoneAsync(int id, MilestoneRequest request, CancellationToken ct) =>
        changes.ChangeAsync(id, user.MayEditPlans(), p => p.AddMilestone(request.Title, request.DueOn, request.Note).Error, ct);

    public Task<Result<PlanDto>> UpdateMilestoneAsync(int id, int milestoneId, MilestoneRequest request, CancellationToken ct) =>
        changes.ChangeMilestoneAsync(id, milestoneId, user.MayEditPlans(), m => m.Edit(request.Title, request.DueOn, request.Note), ct);

    /// <summary>Removes a milestone planned by mistake; one that is done or has evidence is part of the record and stays.</summary>
    public async Task<Result<PlanDto>> DeleteMilestoneAsync(int id, int milestoneId, CancellationToken ct)
    {
        var hasEvidence = await db.TurnaroundFiles.AnyAsync(f => f.MilestoneId == milestoneId, ct);
        return await changes.ChangeMilestoneAsync(id, milestoneId, user.MayEditPlans(), m =>
        {
            if (m.WhyNotDeletable(hasEvidence) is { } recorded)
            {
                return recorded;
            }
            db.TurnaroundMilestones.Remove(m);
            return null;
        }, ct);
    }
}
