namespace Jishi.Web.Features.Reviews;

/// <summary>A file that proves a 整改 (a photo, a scanned minute, a PDF or an Office document). The bytes live in the
/// database so that a backup carries them with the task they prove.</summary>
public sealed class RectificationEvidence
{
    private RectificationEvidence() { }

    public RectificationEvidence(int rectificationId, string fileName, string contentType, byte[] content, DateTime uploadedOn, string uploadedBy)
    {
        RectificationId = rectificationId;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Size = content.LongLength;
        UploadedOn = uploadedOn;
        UploadedBy = uploadedBy;
    }

    public int Id { get; private set; }
    public int RectificationId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public byte[] Content { get; private set; } = [];
    public DateTime UploadedOn { get; private set; }
    public string UploadedBy { get; private set; } = "";
}
