using Jishi.Web.Data;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Data;
using Jishi.Web.Shared.Files;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Turnaround;

/// <summary>What everyone who sees a running plan (down to the branch secretary of its branch) reports on it: a milestone done,
/// its evidence, and the month's progress.</summary>
public sealed class ReportTurnaroundProgress(JishiDbContext db, TurnaroundChanges changes)
{
    public sealed record DoneRequest(DateOnly? DoneOn, string? Note);

    public sealed record ProgressRequest(string? Text);

    public Task<Result<PlanDto>> MarkDoneAsync(int id, int milestoneId, DoneRequest request, CancellationToken ct) =>
        changes.ChangeMilestoneAsync(id, milestoneId, true, m => m.MarkDone(request.DoneOn, request.Note, changes.Today), ct);

    public async Task<Result<StoredFileDto>> UploadAsync(int id, int milestoneId, UploadedFile upload, CancellationToken ct)
    {
        if (await changes.FindAsync(id, ct) is not { } plan || plan.Milestones.All(m => m.Id != milestoneId))
        {
            return Error.NotFound("Entity.TurnaroundPlan");
        }
        if (plan.WhyNotChangeable() is { } closed)
        {
            return closed;
        }
        var checkedFile = await upload.CheckAsync(FileKinds.Documents, ct);
        if (checkedFile.Error is { } refused)
        {
            return refused;
        }
        var file = new TurnaroundFile(milestoneId, checkedFile.Value!, changes.By, changes.Now);
        db.TurnaroundFiles.Add(file);
        await db.SaveChangesAsync(ct);
        return StoredFileDto.Of(file);
    }

    /// <summary>This month's entry; a second one the same month is refused, also when two arrive at once (unique index).</summary>
    public async Task<Result<PlanDto>> AddProgressAsync(int id, ProgressRequest request, CancellationToken ct)
    {
        try
        {
            return await changes.ChangeAsync(id, true, p => p.AddProgress(request.Text, changes.By, changes.Today, changes.Now).Error, ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("Turnaround.ProgressExists");
        }
    }

    public Task<Result<PlanDto>> UpdateProgressAsync(int id, int progressId, ProgressRequest request, CancellationToken ct) =>
        changes.ChangeAsync(id, true, p => p.WhyNotChangeable() ?? (p.Progress.FirstOrDefault(e => e.Id == progressId) is { } entry
            ? entry.Edit(request.Text, changes.Today, changes.Now)
            : Error.NotFound("Entity.TurnaroundProgress")), ct);
}
