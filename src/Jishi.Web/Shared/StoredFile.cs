namespace Jishi.Web.Shared;

/// <summary>An uploaded file kept in the database, so that a backup carries it with what it belongs to: its name, type,
/// bytes, size and who uploaded it when. Evidence and photos of several features derive from it, each in its own table
/// (this class is not an entity of its own).</summary>
public abstract class StoredFile
{
    public const long MaxBytes = 10 * 1024 * 1024;

    protected StoredFile() { }

    protected StoredFile(string fileName, string contentType, byte[] content, string uploadedBy, DateTime uploadedAt)
    {
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Size = content.LongLength;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
    }

    public int Id { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public byte[] Content { get; private set; } = [];
    public string UploadedBy { get; private set; } = "";
    public DateTime UploadedAt { get; private set; }
}
