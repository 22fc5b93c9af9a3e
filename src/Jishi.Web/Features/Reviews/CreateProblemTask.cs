using Jishi.Web.Data;
using Jishi.Web.Features.Accounts;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Reviews;

/// <summary>Turns the problems a report names into tracked 整改 tasks: the street's step after reading it.</summary>
public sealed class CreateProblemTask(JishiDbContext db, CurrentUser user, WorkReportQueries queries, Rectifications rectifications)
{
    public sealed record ProblemTaskRequest(string? Owner, DateOnly Deadline);

    /// <summary>Turns one item of a submitted report's 存在问题和不足 into a 整改 task of the subject's unit (once).</summary>
    public async Task<Result<RectificationDto>> CreateTaskAsync(int campaignId, int subjectId, int problemId, ProblemTaskRequest r,
        CancellationToken ct)
    {
        if (await queries.FindAsync(campaignId, subjectId, ct) is not { } target)
        {
            return WorkReportQueries.NotFound;
        }
        if (!user.IsInRole(Roles.StreetAdmin))
        {
            return WorkReportQueries.Forbidden;
        }
        var report = await db.WorkReports.AsNoTracking().Include(x => x.Problems).FirstOrDefaultAsync(x => x.SubjectId == subjectId, ct);
        if (report?.Problems.FirstOrDefault(p => p.Id == problemId) is not { } problem)
        {
            return Error.NotFound("WorkReport.ProblemEntity");
        }
        if (report.Status != WorkReportStatus.Submitted)
        {
            return Error.Conflict("WorkReport.NotSubmitted");
        }
        if (await db.Rectifications.AnyAsync(t => t.SourceProblemId == problemId, ct))
        {
            return Error.Conflict("WorkReport.ProblemHasTask");
        }
        var owner = string.IsNullOrWhiteSpace(r.Owner) ? target.Subject.Name : r.Owner;
        return await rectifications.CreateAsync(campaignId, new Rectifications.CreateRequest(target.Subject.UnitId, problem.Text, owner, r.Deadline),
            problem.Id, ct);
    }
}
