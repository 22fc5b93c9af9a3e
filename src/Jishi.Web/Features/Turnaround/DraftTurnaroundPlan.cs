using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Turnaround;

/// <summary>A 后进转化 plan written down: the street creates it for a lagging branch of its subtree, one running plan per branch
/// and year; the street and the community secretary edit it while it runs.</summary>
public sealed class DraftTurnaroundPlan(JishiDbContext db, CurrentUser user, TurnaroundChanges changes, TurnaroundQueries queries)
{
    public sealed record CreateRequest(int UnitId, int Year, string? Origin, string? LeaderName, int? LeaderUserId, string? HelperName,
        HelperRole HelperRole, string? HelperRoleText, List<string>? Problems, List<string>? Measures, string? Target)
    {
        public PlanDetails Details =>
            new(Origin, LeaderName, LeaderUserId, HelperName, HelperRole, HelperRoleText, Problems, Measures, Target);
    }

    public async Task<Result<PlanDto>> CreateAsync(CreateRequest request, CancellationToken ct)
    {
        if (!user.MayDecidePlans())
        {
            return TurnaroundChanges.Forbidden;
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
        var year = request.Year;
        if (await db.TurnaroundPlans.AnyAsync(p => p.UnitId == unit.Id && p.Year == year && p.Status == TurnaroundStatus.Active, ct))
        {
            return Error.Conflict("Turnaround.PlanExists", unit.Name, request.Year);
        }
        var plan = new TurnaroundPlan(unit.Id, request.Year, request.Details, changes.By, changes.Now);
        db.TurnaroundPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(plan.Id, ct);
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
        var mayEdit = user.MayEditPlans();
        if (mayEdit && await LeaderProblemAsync(details.LeaderUserId, branchPath, ct) is { } leader)
        {
            return new ValidationError([leader]);
        }
        return await changes.ChangeAsync(id, mayEdit, p => p.Edit(details), ct);
    }

    /// <summary>The responsible leader's account, when one is named, belongs to the street or community above the branch.</summary>
    private async Task<FieldProblem?> LeaderProblemAsync(int? leaderUserId, string branchPath, CancellationToken ct)
    {
        if (leaderUserId is not { } leader)
        {
            return null;
        }
        var path = await db.Users.Where(u => u.Id == leader)
            .Select(u => db.Units.Where(x => x.Id == u.UnitId).Select(x => x.Path).FirstOrDefault()).FirstOrDefaultAsync(ct);
        return path is not null && UnitScope.Sees(path, branchPath) ? null : new("leaderUserId", "Turnaround.NoSuchUser");
    }
}
