using Jishi.Web.Shared;

namespace Jishi.Web.Features.Wishes;

/// <summary>A picture as uploaded: the file's name and length as the browser sent them, and its bytes.</summary>
public sealed record UploadedPhoto(string FileName, long Length, Stream Content);

/// <summary>Pictures of wishes: photos (<see cref="FileKinds.Photos"/>) up to 10 MB.</summary>
public static class WishPhotos
{
    /// <summary>The extensions offered in a file picker.</summary>
    public static string Accept => FileKinds.Photos.Accept;

    public static async Task<Result<CheckedFile>> CheckAsync(UploadedPhoto photo, CancellationToken ct)
    {
        if (photo.Length > WishFile.MaxBytes)
        {
            return new Error("Wishes.PhotoTooLarge", StatusCodes.Status413PayloadTooLarge, WishFile.MaxBytes / 1024 / 1024);
        }
        return photo.Length > 0 && await FileKinds.Photos.ReadAsync(photo.FileName, photo.Length, photo.Content, ct) is { } file
            ? file
            : new ValidationError([new("photo", "Wishes.PhotoType")]);
    }
}
