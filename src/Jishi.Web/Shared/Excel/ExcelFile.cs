namespace Jishi.Web.Shared.Excel;

/// <summary>A workbook to download: its file name and its bytes.</summary>
public sealed record ExcelFile(string FileName, byte[] Content)
{
    public const string ContentType = XlsxWriter.ContentType;

    /// <summary>The workbook as an HTTP file answer.</summary>
    public IResult ToHttp() => TypedResults.File(Content, ContentType, FileName);
}
