using Jishi.Web.Data;
using Jishi.Web.Features.Accounts;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Reviews;

/// <summary>Writing a 述职报告: the secretary saves and submits the report of their own unit, the street returns it for
/// revision; nothing changes once the campaign is published (the published record stays as it was).</summary>
public sealed class WriteWorkReport(JishiDbContext db, CurrentUser user, WorkReportQueries queries, TimeProvider clock)
{
    public sealed record SaveRequest(string? Achievements, IReadOnlyList<string>? Problems, string? NextSteps);

    public sealed record ReturnRequest(string? Reason);

    public Task<Result<WorkReportDto>> SaveAsync(int campaignId, int subjectId, SaveRequest r, CancellationToken ct) =>
        ChangeAsync(campaignId, subjectId, own: true, report => report.Edit(r.Achievements, r.Problems, r.NextSteps), ct);

    public Task<Result<WorkReportDto>> SubmitAsync(int campaignId, int subjectId, CancellationToken ct) =>
        ChangeAsync(campaignId, subjectId, own: true, report => report.Submit(clock.GetUtcNow().UtcDateTime), ct);

    public Task<Result<WorkReportDto>> ReturnAsync(int campaignId, int subjectId, ReturnRequest r, CancellationToken ct) =>
        ChangeAsync(campaignId, subjectId, own: false, report => report.Return(r.Reason), ct);

    private async Task<Result<WorkReportDto>> ChangeAsync(int campaignId, int subjectId, bool own, Func<WorkReport, Error?> change,
        CancellationToken ct)
    {
        if (await queries.FindAsync(campaignId, subjectId, ct) is not { } target)
        {
            return WorkReportQueries.NotFound;
        }
        // The secretary writes their own report; the street only reads it and returns it.
        if (own ? user.UnitId != target.Subject.UnitId : !user.IsInRole(Roles.StreetAdmin))
        {
            return WorkReportQueries.Forbidden;
        }
        if (target.Campaign.Status == ReviewStatus.Published)
        {
            return Error.Conflict("WorkReport.Published");
        }
        var report = await db.WorkReports.Include(x => x.Problems).FirstOrDefaultAsync(x => x.SubjectId == subjectId, ct);
        if (report is null)
        {
            report = new WorkReport(subjectId);
            db.WorkReports.Add(report);
        }
        if (change(report) is { } error)
        {
            return error;
        }
        await db.SaveChangesAsync(ct);
        return await queries.ToDtoAsync(target, report, ct);
    }
}
