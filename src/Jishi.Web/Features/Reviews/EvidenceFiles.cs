using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Files;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Reviews;

public sealed record EvidenceFileDto(int Id, string FileName, string ContentType, long Size, DateTime UploadedOn, string UploadedBy);

/// <summary>Evidence files of 整改 tasks, with the scope of the tasks themselves: the secretary of the task's unit and the
/// street above it. Files are added while the task is being worked on (未开始, 整改中), not once it is with the street.</summary>
public sealed class EvidenceFiles(JishiDbContext db, CurrentUser user, TimeProvider clock)
{
    public async Task<Result<EvidenceFileDto>> UploadAsync(int rectificationId, UploadedFile upload, CancellationToken ct)
    {
        if (await FindTaskAsync(rectificationId, ct) is not { } task)
        {
            return Error.NotFound("Entity.Rectification");
        }
        if (task.Status is not (RectificationStatus.NotStarted or RectificationStatus.InProgress))
        {
            return Error.Conflict("Rectification.WrongState", "Rectification.Status." + task.Status);
        }
        var checkedFile = await upload.CheckAsync(FileKinds.Documents, ct);
        if (checkedFile.Error is { } refused)
        {
            return refused;
        }
        var (name, type, content) = checkedFile.Value!;
        var file = new RectificationEvidence(task.Id, name, type, content, clock.GetUtcNow().UtcDateTime, user.UserName ?? "");
        db.RectificationEvidence.Add(file);
        await db.SaveChangesAsync(ct);
        return new EvidenceFileDto(file.Id, file.FileName, file.ContentType, file.Size, file.UploadedOn, file.UploadedBy);
    }

    public async Task<Result<IReadOnlyList<EvidenceFileDto>>> ListAsync(int rectificationId, CancellationToken ct)
    {
        if (await FindTaskAsync(rectificationId, ct) is null)
        {
            return Error.NotFound("Entity.Rectification");
        }
        return await db.RectificationEvidence.AsNoTracking().Where(e => e.RectificationId == rectificationId).OrderBy(e => e.Id)
            .Select(e => new EvidenceFileDto(e.Id, e.FileName, e.ContentType, e.Size, e.UploadedOn, e.UploadedBy)).ToListAsync(ct);
    }

    public async Task<Result<FileDownload>> DownloadAsync(int rectificationId, int fileId, CancellationToken ct)
    {
        if (await FindTaskAsync(rectificationId, ct) is null)
        {
            return Error.NotFound("Entity.Rectification");
        }
        return await db.RectificationEvidence.AsNoTracking().Where(e => e.Id == fileId && e.RectificationId == rectificationId)
                .Select(e => new FileDownload(e.FileName, e.ContentType, e.Content)).FirstOrDefaultAsync(ct) is { } download
            ? download
            : Error.NotFound("Rectification.Evidence.Entity");
    }

    private async Task<Rectification?> FindTaskAsync(int id, CancellationToken ct)
    {
        var visible = db.Units.Within(await user.ScopePathAsync(ct)).Select(u => u.Id);
        return await db.Rectifications.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && visible.Contains(t.UnitId), ct);
    }
}
