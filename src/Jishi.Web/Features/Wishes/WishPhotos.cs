using Jishi.Web.Shared;
using Jishi.Web.Shared.Files;

namespace Jishi.Web.Features.Wishes;

/// <summary>Pictures of wishes: photos (<see cref="FileKinds.Photos"/>) checked by the one upload check,
/// <see cref="UploadedFile.CheckAsync"/>; a refused picture is a problem of the form's <c>photo</c> field, an oversized one
/// stays 413.</summary>
public static class WishPhotos
{
    /// <summary>The extensions offered in a file picker.</summary>
    public static string Accept => FileKinds.Photos.Accept;

    public static async Task<Result<CheckedFile>> CheckAsync(UploadedFile photo, CancellationToken ct)
    {
        var checkedPhoto = await photo.CheckAsync(FileKinds.Photos, ct);
        return checkedPhoto.Error is { Status: StatusCodes.Status400BadRequest } refused
            ? new ValidationError([new("photo", refused.Code, refused.Args)])
            : checkedPhoto;
    }
}
