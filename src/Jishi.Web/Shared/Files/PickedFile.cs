namespace Jishi.Web.Shared.Files;

/// <summary>A file picked in an <see cref="EvidenceUpload"/>, handed to the page's handler (an event callback, so that
/// the page renders what the upload changed); the handler sets <see cref="Refusal"/> when its use case refused the file.</summary>
public sealed class PickedFile(UploadedFile file)
{
    public UploadedFile File { get; } = file;

    public Error? Refusal { get; set; }
}
