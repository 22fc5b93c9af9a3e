using Microsoft.Extensions.Localization;

namespace Jishi.Web.Shared.Excel;

/// <summary>An uploaded workbook before it is read: at most <see cref="MaxBytes"/>, in memory (the zip reader seeks back and
/// forth, which is several times slower on a request's buffered stream), and an .xlsx by its first bytes.</summary>
public static class ExcelUpload
{
    public const long MaxBytes = 20 * 1024 * 1024;
    public const long MaxMegabytes = MaxBytes / 1024 / 1024;

    /// <summary>The workbook in memory, positioned at its start; or the refusal every import answers: too large (413),
    /// empty, an old binary .xls, or not a workbook at all.</summary>
    public static async Task<Result<MemoryStream>> OpenAsync(Stream file, IStringLocalizer text, CancellationToken ct)
    {
        var content = await InMemoryAsync(file, ct);
        if (content is null)
        {
            return TooLarge(text);
        }
        if (WrongKind(content) is { } code)
        {
            await content.DisposeAsync();
            return ImportFailed.OfFile(text, code);
        }
        return content;
    }

    /// <summary>The refusal of a file over <see cref="MaxBytes"/>.</summary>
    public static ImportFailed TooLarge(IStringLocalizer text) =>
        ImportFailed.OfFile(text, "Import.TooLarge", StatusCodes.Status413PayloadTooLarge, MaxMegabytes);

    private static async Task<MemoryStream?> InMemoryAsync(Stream file, CancellationToken ct)
    {
        if (file.CanSeek && file.Length > MaxBytes)
        {
            return null;
        }
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await file.ReadAsync(buffer, ct)) > 0)
        {
            if (copy.Length + read > MaxBytes)
            {
                await copy.DisposeAsync();
                return null;
            }
            copy.Write(buffer, 0, read);
        }
        copy.Position = 0;
        return copy;
    }

    /// <summary>An .xlsx is a zip archive; the old binary .xls (an OLE compound file) gets its own advice.</summary>
    private static string? WrongKind(Stream content)
    {
        if (content.Length == 0)
        {
            return "Import.FileEmpty";
        }
        Span<byte> head = stackalloc byte[4];
        content.Position = 0;
        var read = content.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        content.Position = 0;
        return read == 4 && head.SequenceEqual("PK\u0003\u0004"u8) ? null
            : read == 4 && head.SequenceEqual(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }) ? "Import.OldXls"
            : "Import.NotXlsx";
    }
}
