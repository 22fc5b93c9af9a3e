using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Shared.Files;

/// <summary>The one way a feature lists and sends its stored files (<see cref="StoredFile"/>): the query names the owner's
/// files (already limited to what the caller sees), these read them without their bytes or as a download.</summary>
public static class StoredFiles
{
    /// <summary>The files in upload order, without their bytes.</summary>
    public static IQueryable<StoredFileDto> Listed<T>(this IQueryable<T> files) where T : StoredFile =>
        files.AsNoTracking().OrderBy(f => f.Id)
            .Select(f => new StoredFileDto(f.Id, f.FileName, f.ContentType, f.Size, f.UploadedBy, f.UploadedAt));

    /// <summary>The files of several owners at once, by the owner's id in <paramref name="ownerProperty"/>.</summary>
    public static async Task<ILookup<int, StoredFileDto>> ListedByAsync<T>(this IQueryable<T> files, string ownerProperty, CancellationToken ct)
        where T : StoredFile
    {
        var owners = await files.Select(f => new { f.Id, Owner = EF.Property<int>(f, ownerProperty) }).ToDictionaryAsync(f => f.Id, f => f.Owner, ct);
        return (await files.Listed().ToListAsync(ct)).ToLookup(f => owners[f.Id]);
    }

    /// <summary>File <paramref name="id"/> of these, to send; null when it is not one of them.</summary>
    public static Task<FileDownload?> DownloadAsync<T>(this IQueryable<T> files, int id, CancellationToken ct) where T : StoredFile =>
        files.AsNoTracking().Where(f => f.Id == id).Select(f => new FileDownload(f.FileName, f.ContentType, f.Content)).FirstOrDefaultAsync(ct);
}
