namespace Jishi.Web.Shared.Files;

/// <summary>A stored file as lists show it: everything but its bytes.</summary>
public sealed record StoredFileDto(int Id, string FileName, string ContentType, long Size, string UploadedBy, DateTime UploadedAt)
{
    public static StoredFileDto Of(StoredFile f) => new(f.Id, f.FileName, f.ContentType, f.Size, f.UploadedBy, f.UploadedAt);
}
