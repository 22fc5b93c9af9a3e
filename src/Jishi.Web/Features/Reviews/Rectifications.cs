using System.Linq.Expressions;
using Jishi.Web.Data;
using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Reviews;

public sealed record RectificationDto(int Id, int CampaignId, int UnitId, string UnitName, string Problem, string Owner, DateOnly Deadline,
    string? Measures, string? Evidence, RectificationStatus Status, bool Overdue, string? VerifiedBy, DateOnly? VerifiedOn,
    int? SourceProblemId = null, int EvidenceFiles = 0);

/// <summary>整改 tasks: the street creates them from problems and verifies them; the community secretary works on their
/// own (scope: the task's unit inside the caller's subtree).</summary>
public sealed class Rectifications(JishiDbContext db, CurrentUser user, ReviewQueries reviews, TimeProvider clock)
{
    public sealed record CreateRequest(int UnitId, string Problem, string Owner, DateOnly Deadline);

    /// <summary>Evidence text, or <paramref name="Submit"/> with uploaded files only, sends the task for verification.</summary>
    public sealed record ProgressRequest(string? Measures, string? Evidence, bool Submit = false);

    public sealed record VerifyRequest(bool Accepted);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public Task<Result<RectificationDto>> CreateAsync(int campaignId, CreateRequest r, CancellationToken ct) => CreateAsync(campaignId, r, null, ct);

    /// <summary>A task for an issue of the 点评, or (<paramref name="sourceProblemId"/>) for an item of a 述职报告.</summary>
    public async Task<Result<RectificationDto>> CreateAsync(int campaignId, CreateRequest r, int? sourceProblemId, CancellationToken ct)
    {
        if (await reviews.FindAsync(campaignId, ct) is not { } campaign || campaign.Subjects.All(s => s.UnitId != r.UnitId))
        {
            return Error.NotFound("Entity.Review");
        }
        var problems = new List<FieldProblem>();
        if (string.IsNullOrWhiteSpace(r.Problem) || r.Problem.Length > 1000)
        {
            problems.Add(new("problem", "Rectification.ProblemRequired"));
        }
        if (string.IsNullOrWhiteSpace(r.Owner) || r.Owner.Length > 50)
        {
            problems.Add(new("owner", "Rectification.OwnerRequired"));
        }
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        var task = new Rectification(campaignId, r.UnitId, r.Problem, r.Owner, r.Deadline, sourceProblemId);
        db.Rectifications.Add(task);
        await db.SaveChangesAsync(ct);
        return await Query(await user.ScopePathAsync(ct), t => t.Id == task.Id).FirstAsync(ct);
    }

    public async Task<IReadOnlyList<RectificationDto>> ListAsync(int? campaignId, CancellationToken ct)
    {
        var rows = await Query(await user.ScopePathAsync(ct), t => campaignId == null || t.CampaignId == campaignId).ToListAsync(ct);
        return rows.OrderBy(t => t.Deadline).ThenBy(t => t.Id).ToList();
    }

    /// <summary>The tasks of <paramref name="unitId"/> from the campaigns of <paramref name="streetId"/> in
    /// <paramref name="year"/>: what a secretary's report shows as last year's 整改.</summary>
    public async Task<IReadOnlyList<RectificationDto>> OfYearAsync(int streetId, int year, int unitId, CancellationToken ct)
    {
        var campaigns = db.ReviewCampaigns.Where(c => c.StreetId == streetId && c.Year == year).Select(c => c.Id);
        var rows = await Query(await user.ScopePathAsync(ct), t => t.UnitId == unitId && campaigns.Contains(t.CampaignId)).ToListAsync(ct);
        return rows.OrderBy(t => t.Deadline).ThenBy(t => t.Id).ToList();
    }

    public async Task<Result<RectificationDto>> ProgressAsync(int id, ProgressRequest r, CancellationToken ct)
    {
        var hasFiles = await db.RectificationEvidence.AnyAsync(e => e.RectificationId == id, ct);
        return await ChangeAsync(id, t => r.Evidence is null && !r.Submit ? t.Start(r.Measures) : t.Start(r.Measures) ?? t.Submit(r.Evidence, hasFiles), ct);
    }

    public Task<Result<RectificationDto>> VerifyAsync(int id, VerifyRequest r, CancellationToken ct) =>
        user.IsInRole(Roles.StreetAdmin)
            ? ChangeAsync(id, t => t.Verify(r.Accepted, user.UserName ?? "", Today), ct)
            : Task.FromResult<Result<RectificationDto>>(new Error("Forbidden", StatusCodes.Status403Forbidden));

    private async Task<Result<RectificationDto>> ChangeAsync(int id, Func<Rectification, Error?> change, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        var visible = db.Units.Within(scope).Select(u => u.Id);
        if (await db.Rectifications.FirstOrDefaultAsync(t => t.Id == id && visible.Contains(t.UnitId), ct) is not { } task)
        {
            return Error.NotFound("Entity.Rectification");
        }
        if (change(task) is { } error)
        {
            return error;
        }
        await db.SaveChangesAsync(ct);
        return await Query(scope, t => t.Id == id).FirstAsync(ct);
    }

    private IQueryable<RectificationDto> Query(string scope, Expression<Func<Rectification, bool>> filter)
    {
        var today = Today;
        return from t in db.Rectifications.AsNoTracking().Where(filter)
               join u in db.Units.Within(scope) on t.UnitId equals u.Id
               select new RectificationDto(t.Id, t.CampaignId, t.UnitId, u.Name, t.Problem, t.Owner, t.Deadline, t.Measures, t.Evidence,
                   t.Status, t.Status != RectificationStatus.Closed && t.Deadline < today, t.VerifiedBy, t.VerifiedOn, t.SourceProblemId,
                   db.RectificationEvidence.Count(e => e.RectificationId == t.Id));
    }
}
