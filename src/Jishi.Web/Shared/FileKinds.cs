namespace Jishi.Web.Shared;

/// <summary>An uploaded file as it is stored: a safe name, the content type its first bytes bear out, and the bytes.</summary>
public sealed record CheckedFile(string FileName, string ContentType, byte[] Content);

/// <summary>The kinds of file a feature accepts, known by the extension and by the first bytes such a file starts with: the
/// name alone would let any file through, and the content type a browser sends is a guess from the name too.</summary>
public sealed class FileKinds
{
    public const int MaxName = 200;

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static readonly Dictionary<string, (string ContentType, byte[] Signature)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = ("image/jpeg", Jpeg),
        [".jpeg"] = ("image/jpeg", Jpeg),
        [".png"] = ("image/png", [0x89, 0x50, 0x4E, 0x47]),
        [".gif"] = ("image/gif", "GIF8"u8.ToArray()),
        [".bmp"] = ("image/bmp", "BM"u8.ToArray()),
        [".webp"] = ("image/webp", "RIFF"u8.ToArray()),
        [".pdf"] = ("application/pdf", "%PDF"u8.ToArray()),
        [".doc"] = ("application/msword", Ole),
        [".xls"] = ("application/vnd.ms-excel", Ole),
        [".ppt"] = ("application/vnd.ms-powerpoint", Ole),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Zip),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Zip),
        [".pptx"] = ("application/vnd.openxmlformats-officedocument.presentationml.presentation", Zip),
        // Plain text starts with anything; its reader checks the encoding.
        [".txt"] = ("text/plain", []),
    };

    /// <summary>Photos, as a phone takes or a resident sends them.</summary>
    public static readonly FileKinds Photos = new("Files.BadType.Photos", StoredFile.MaxBytes, ".jpg", ".jpeg", ".png", ".gif", ".webp");

    /// <summary>Pictures, PDF and Office documents: evidence of work done.</summary>
    public static readonly FileKinds Documents = new("Files.BadType.Documents", StoredFile.MaxBytes, [.. Known.Keys.Where(e => e != ".txt")]);

    /// <summary>A published report as it appeared: a PDF or a picture.</summary>
    public static readonly FileKinds Publications = new("Files.BadType.Publications", StoredFile.MaxBytes, ".pdf", ".jpg", ".jpeg", ".png", ".gif", ".webp");

    /// <summary>A written report to import: Word (.docx) or plain text.</summary>
    public static readonly FileKinds Reports = new("Files.BadType.Reports", 5L * 1024 * 1024, ".docx", ".txt");

    private readonly string[] _extensions;

    private FileKinds(string badType, long maxBytes, params string[] extensions)
    {
        BadType = badType;
        MaxBytes = maxBytes;
        _extensions = extensions;
    }

    /// <summary>The message code of a file that is none of these kinds, naming the kinds accepted.</summary>
    public string BadType { get; }

    /// <summary>The largest file of these kinds accepted.</summary>
    public long MaxBytes { get; }

    public long MaxMegabytes => MaxBytes / 1024 / 1024;

    /// <summary>The extensions offered in a file picker.</summary>
    public string Accept => string.Join(",", _extensions);

    /// <summary>The file read and checked, its name without folders and at most <see cref="MaxName"/> long; null when its
    /// extension is not one of these kinds or its first bytes are not those of its extension.</summary>
    public async Task<CheckedFile?> ReadAsync(string fileName, long length, Stream content, CancellationToken ct)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        var extension = Path.GetExtension(name);
        if (!_extensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }
        var kind = Known[extension];
        using var buffer = new MemoryStream((int)length);
        await content.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        if (!bytes.AsSpan().StartsWith(kind.Signature))
        {
            return null;
        }
        if (name.Length > MaxName)
        {
            name = name[..(MaxName - extension.Length)] + extension;
        }
        return new CheckedFile(name, kind.ContentType, bytes);
    }
}
