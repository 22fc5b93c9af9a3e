using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Reviews;

public sealed record WorkReportProblemDto(int Id, string Text, int? RectificationId, RectificationStatus? RectificationStatus);

/// <summary>A 述职报告 as the secretary writes it and the street reads it; <see cref="Written"/> is false while nothing
/// has been saved, <see cref="CanEdit"/> whether the caller may change it now, <see cref="LastYear"/> the 整改 tasks of
/// the same unit from the previous year's campaigns.</summary>
public sealed record WorkReportDto(int CampaignId, string CampaignTitle, int Year, ReviewStatus CampaignStatus, int SubjectId,
    string SecretaryName, int UnitId, string UnitName, bool Written, WorkReportStatus Status, string Achievements,
    IReadOnlyList<WorkReportProblemDto> Problems, string NextSteps, string? ReturnReason, DateTime? SubmittedOn, bool CanEdit,
    IReadOnlyList<RectificationDto> LastYear);

public sealed record WorkReportListItem(int SubjectId, string SecretaryName, int UnitId, string UnitName, WorkReportStatus? Status,
    DateTime? SubmittedOn);

public sealed record MyWorkReport(int CampaignId, string Title, int Year, ReviewStatus CampaignStatus, int SubjectId, string UnitName,
    WorkReportStatus? Status);

/// <summary>述职报告 as read: a community secretary writes and submits the report of the subject whose unit is their own; the
/// street reads every report of its campaigns, returns one for revision and turns its problems into 整改 tasks. A
/// report is visible when the subject's unit is inside the caller's subtree (anything else answers 404). Reports can be
/// changed until the campaign is published: a secretary may still sharpen the text after the meeting (as the 点评
/// asks), but the published record stays as it was published.</summary>
public sealed class WorkReportQueries(JishiDbContext db, CurrentUser user, ReviewQueries reviews, Rectifications rectifications)
{
    internal sealed record Target(ReviewCampaign Campaign, ReviewSubject Subject, string UnitName);

    internal static readonly Error NotFound = Error.NotFound("WorkReport.Entity");
    internal static readonly Error Forbidden = new("Forbidden", StatusCodes.Status403Forbidden);

    public async Task<Result<WorkReportDto>> GetAsync(int campaignId, int subjectId, CancellationToken ct)
    {
        if (await FindAsync(campaignId, subjectId, ct) is not { } target)
        {
            return NotFound;
        }
        var report = await db.WorkReports.AsNoTracking().Include(r => r.Problems).FirstOrDefaultAsync(r => r.SubjectId == subjectId, ct);
        return await ToDtoAsync(target, report, ct);
    }

    /// <summary>The reports of one campaign with their state, for the street.</summary>
    public async Task<Result<IReadOnlyList<WorkReportListItem>>> ListAsync(int campaignId, CancellationToken ct)
    {
        if (await reviews.FindAsync(campaignId, ct) is not { } campaign)
        {
            return Error.NotFound("Entity.Review");
        }
        var subjectIds = campaign.Subjects.Select(s => s.Id).ToList();
        var unitIds = campaign.Subjects.Select(s => s.UnitId).ToList();
        var reports = await db.WorkReports.AsNoTracking().Where(r => subjectIds.Contains(r.SubjectId))
            .Select(r => new { r.SubjectId, r.Status, r.SubmittedOn }).ToDictionaryAsync(r => r.SubjectId, ct);
        var names = await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return campaign.Subjects.OrderBy(s => s.Id).Select(s => new WorkReportListItem(s.Id, s.Name, s.UnitId, names.GetValueOrDefault(s.UnitId, ""),
            reports.GetValueOrDefault(s.Id)?.Status, reports.GetValueOrDefault(s.Id)?.SubmittedOn)).ToList();
    }

    /// <summary>The campaigns in which the caller's own unit is a subject, newest first.</summary>
    public async Task<IReadOnlyList<MyWorkReport>> MineAsync(CancellationToken ct)
    {
        if (user.UnitId is not { } unitId)
        {
            return [];
        }
        var rows = await (from s in db.ReviewSubjects.AsNoTracking()
                          join c in db.ReviewCampaigns.AsNoTracking() on s.CampaignId equals c.Id
                          join u in db.Units.AsNoTracking() on s.UnitId equals u.Id
                          where s.UnitId == unitId
                          select new { c.Id, c.Title, c.Year, c.Status, SubjectId = s.Id, u.Name }).ToListAsync(ct);
        var subjectIds = rows.Select(r => r.SubjectId).ToList();
        var states = await db.WorkReports.AsNoTracking().Where(r => subjectIds.Contains(r.SubjectId))
            .ToDictionaryAsync(r => r.SubjectId, r => r.Status, ct);
        return rows.OrderByDescending(r => r.Year).ThenByDescending(r => r.Id)
            .Select(r => new MyWorkReport(r.Id, r.Title, r.Year, r.Status, r.SubjectId, r.Name,
                states.TryGetValue(r.SubjectId, out var status) ? status : null)).ToList();
    }

    /// <summary>The campaign and subject when the subject's unit is inside the caller's subtree.</summary>
    internal async Task<Target?> FindAsync(int campaignId, int subjectId, CancellationToken ct)
    {
        var visible = db.Units.Within(await user.ScopePathAsync(ct));
        var row = await (from s in db.ReviewSubjects.AsNoTracking()
                         join c in db.ReviewCampaigns.AsNoTracking() on s.CampaignId equals c.Id
                         join u in visible on s.UnitId equals u.Id
                         where s.Id == subjectId && s.CampaignId == campaignId
                         select new { Campaign = c, Subject = s, u.Name }).FirstOrDefaultAsync(ct);
        return row is null ? null : new Target(row.Campaign, row.Subject, row.Name);
    }

    internal async Task<WorkReportDto> ToDtoAsync(Target target, WorkReport? report, CancellationToken ct)
    {
        var (campaign, subject) = (target.Campaign, target.Subject);
        var problems = report?.Problems.OrderBy(p => p.Position).ToList() ?? [];
        var problemIds = problems.Select(p => (int?)p.Id).ToList();
        var tasks = await db.Rectifications.AsNoTracking().Where(t => problemIds.Contains(t.SourceProblemId))
            .Select(t => new { t.SourceProblemId, t.Id, t.Status }).ToDictionaryAsync(t => t.SourceProblemId!.Value, ct);
        var lastYear = await rectifications.OfYearAsync(campaign.StreetId, campaign.Year - 1, subject.UnitId, ct);
        var canEdit = user.UnitId == subject.UnitId && (report?.Editable ?? true) && campaign.Status != ReviewStatus.Published;
        return new WorkReportDto(campaign.Id, campaign.Title, campaign.Year, campaign.Status, subject.Id, subject.Name, subject.UnitId,
            target.UnitName, report is not null, report?.Status ?? WorkReportStatus.Draft, report?.Achievements ?? "",
            problems.Select(p => new WorkReportProblemDto(p.Id, p.Text, tasks.GetValueOrDefault(p.Id)?.Id, tasks.GetValueOrDefault(p.Id)?.Status)).ToList(),
            report?.NextSteps ?? "", report?.ReturnReason, report?.SubmittedOn, canEdit, lastYear);
    }
}
