using Microsoft.AspNetCore.Components.Forms;

namespace Jishi.Web.Shared.Files;

/// <summary>A file as it arrives, from a multipart form or a page's file picker: the name the client gave it, the length it
/// declares and its bytes (not yet read). Disposing it closes the stream.</summary>
public sealed record UploadedFile(string FileName, long Length, Stream Content) : IAsyncDisposable
{
    /// <summary>A file picked on a page. The stream has no limit of its own: <see cref="CheckAsync"/> refuses an oversized
    /// file by its declared length before reading any of it.</summary>
    public static UploadedFile Of(IBrowserFile file) => new(file.Name, file.Size, file.OpenReadStream(long.MaxValue));

    public ValueTask DisposeAsync() => Content.DisposeAsync();

    /// <summary>The one check of an upload: at most <see cref="FileKinds.MaxBytes"/> (413 before anything is read), not
    /// empty, and one of <paramref name="kinds"/> by its extension and its first bytes; the file read, with a safe name.</summary>
    public async Task<Result<CheckedFile>> CheckAsync(FileKinds kinds, CancellationToken ct)
    {
        if (Length > kinds.MaxBytes)
        {
            return TooLarge(kinds);
        }
        if (Length <= 0)
        {
            return Error.Invalid("Files.Empty");
        }
        return await kinds.ReadAsync(FileName, Length, Content, ct) is { } file ? file : Error.Invalid(kinds.BadType);
    }

    /// <summary>The refusal of a file over the limit of <paramref name="kinds"/>, for a page that sees the size first.</summary>
    public static Error TooLarge(FileKinds kinds) =>
        new("Files.TooLarge", StatusCodes.Status413PayloadTooLarge, kinds.MaxMegabytes);
}
