using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Reviews;

public sealed record EvidenceFileDto(int Id, string FileName, string ContentType, long Size, DateTime UploadedOn, string UploadedBy);

public sealed record EvidenceDownload(string FileName, string ContentType, byte[] Content);

/// <summary>Evidence files of 整改 tasks, with the scope of the tasks themselves: the secretary of the task's unit and the
/// street above it. Files are added while the task is being worked on (未开始, 整改中), not once it is with the street.</summary>
public sealed class EvidenceFiles(JishiDbContext db, CurrentUser user, TimeProvider clock)
{
    /// <summary>The extensions offered in a file picker.</summary>
    public static string Accept => FileKinds.Documents.Accept;

    public async Task<Result<EvidenceFileDto>> UploadAsync(int rectificationId, string fileName, long length, Stream content, CancellationToken ct)
    {
        if (await FindTaskAsync(rectificationId, ct) is not { } task)
        {
            return Error.NotFound("Entity.Rectification");
        }
        if (task.Status is not (RectificationStatus.NotStarted or RectificationStatus.InProgress))
        {
            return Error.Conflict("Rectification.WrongState", "Rectification.Status." + task.Status);
        }
        if (length > RectificationEvidence.MaxBytes)
        {
            return new Error("Rectification.Evidence.TooLarge", StatusCodes.Status413PayloadTooLarge, RectificationEvidence.MaxBytes / 1024 / 1024);
        }
        if (length <= 0)
        {
            return Error.Invalid("Rectification.Evidence.Empty");
        }
        if (await FileKinds.Documents.ReadAsync(fileName, length, content, ct) is not { } upload)
        {
            return Error.Invalid("Rectification.Evidence.BadType");
        }
        var file = new RectificationEvidence(task.Id, upload.FileName, upload.ContentType, upload.Content, clock.GetUtcNow().UtcDateTime, user.UserName ?? "");
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

    public async Task<Result<EvidenceDownload>> DownloadAsync(int rectificationId, int fileId, CancellationToken ct)
    {
        if (await FindTaskAsync(rectificationId, ct) is null)
        {
            return Error.NotFound("Entity.Rectification");
        }
        return await db.RectificationEvidence.AsNoTracking().Where(e => e.Id == fileId && e.RectificationId == rectificationId)
                .Select(e => new EvidenceDownload(e.FileName, e.ContentType, e.Content)).FirstOrDefaultAsync(ct) is { } download
            ? download
            : Error.NotFound("Rectification.Evidence.Entity");
    }

    private async Task<Rectification?> FindTaskAsync(int id, CancellationToken ct)
    {
        var visible = db.Units.Within(await user.ScopePathAsync(ct)).Select(u => u.Id);
        return await db.Rectifications.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && visible.Contains(t.UnitId), ct);
    }
}
