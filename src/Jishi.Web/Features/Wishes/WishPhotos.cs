using Jishi.Web.Shared;

namespace Jishi.Web.Features.Wishes;

/// <summary>A picture as uploaded: the file's name and length as the browser sent them, and its bytes.</summary>
public sealed record UploadedPhoto(string FileName, long Length, Stream Content);

/// <summary>A checked picture, ready to store.</summary>
public sealed record CheckedPhoto(string FileName, string ContentType, byte[] Content);

/// <summary>Pictures of wishes: JPEG, PNG, GIF or WebP up to 10 MB, known by the extension and by the first bytes such a file
/// starts with (the name alone would let any file through, and a browser's content type is a guess from the name too).</summary>
public static class WishPhotos
{
    private static readonly Dictionary<string, (string ContentType, byte[] Signature)> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".jpeg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".png"] = ("image/png", [0x89, 0x50, 0x4E, 0x47]),
        [".gif"] = ("image/gif", "GIF8"u8.ToArray()),
        [".webp"] = ("image/webp", "RIFF"u8.ToArray()),
    };

    /// <summary>The extensions offered in a file picker.</summary>
    public static string Accept => string.Join(",", Kinds.Keys);

    public static async Task<Result<CheckedPhoto>> CheckAsync(UploadedPhoto photo, CancellationToken ct)
    {
        if (photo.Length > WishFile.MaxBytes)
        {
            return new Error("Wishes.PhotoTooLarge", StatusCodes.Status413PayloadTooLarge, WishFile.MaxBytes / 1024 / 1024);
        }
        var name = Path.GetFileName(photo.FileName.Replace('\\', '/')).Trim();
        if (photo.Length <= 0 || !Kinds.TryGetValue(Path.GetExtension(name), out var kind))
        {
            return new ValidationError([new("photo", "Wishes.PhotoType")]);
        }
        using var buffer = new MemoryStream((int)photo.Length);
        await photo.Content.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        if (!bytes.AsSpan().StartsWith(kind.Signature))
        {
            return new ValidationError([new("photo", "Wishes.PhotoType")]);
        }
        if (name.Length > 200)
        {
            name = name[..(200 - Path.GetExtension(name).Length)] + Path.GetExtension(name);
        }
        return new CheckedPhoto(name, kind.ContentType, bytes);
    }
}
