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
    private sealed record Kind(string ContentType, byte[][] Signatures);

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47];
    private static readonly byte[] Gif = "GIF8"u8.ToArray();
    private static readonly byte[] Bmp = "BM"u8.ToArray();
    private static readonly byte[] Riff = "RIFF"u8.ToArray();
    private static readonly byte[] Pdf = "%PDF"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>What may be uploaded, by extension, with the first bytes such a file starts with: the name alone would let
    /// any file through, and the content type a browser sends is a guess from the name too.</summary>
    private static readonly Dictionary<string, Kind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = new("image/jpeg", [Jpeg]),
        [".jpeg"] = new("image/jpeg", [Jpeg]),
        [".png"] = new("image/png", [Png]),
        [".gif"] = new("image/gif", [Gif]),
        [".bmp"] = new("image/bmp", [Bmp]),
        [".webp"] = new("image/webp", [Riff]),
        [".pdf"] = new("application/pdf", [Pdf]),
        [".doc"] = new("application/msword", [Ole]),
        [".xls"] = new("application/vnd.ms-excel", [Ole]),
        [".ppt"] = new("application/vnd.ms-powerpoint", [Ole]),
        [".docx"] = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [Zip]),
        [".xlsx"] = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [Zip]),
        [".pptx"] = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", [Zip]),
    };

    /// <summary>The extensions offered in a file picker.</summary>
    public static string Accept => string.Join(",", Kinds.Keys);

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
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        if (!Kinds.TryGetValue(Path.GetExtension(name), out var kind))
        {
            return Error.Invalid("Rectification.Evidence.BadType");
        }
        using var buffer = new MemoryStream((int)length);
        await content.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        if (!kind.Signatures.Any(s => bytes.AsSpan().StartsWith(s)))
        {
            return Error.Invalid("Rectification.Evidence.BadType");
        }
        if (name.Length > 200)
        {
            name = name[..(200 - Path.GetExtension(name).Length)] + Path.GetExtension(name);
        }
        var file = new RectificationEvidence(task.Id, name, kind.ContentType, bytes, clock.GetUtcNow().UtcDateTime, user.UserName ?? "");
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
