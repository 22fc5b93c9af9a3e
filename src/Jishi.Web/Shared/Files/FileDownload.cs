namespace Jishi.Web.Shared.Files;

/// <summary>A stored file to send back: its name, content type and bytes.</summary>
public sealed record FileDownload(string FileName, string ContentType, byte[] Content)
{
    /// <summary>The file as an HTTP answer (an attachment under its own name).</summary>
    public IResult ToHttp() => TypedResults.File(Content, ContentType, FileName);
}
