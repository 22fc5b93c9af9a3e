using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Jishi.Web.Features.Text;

/// <summary>Debian's libopencc (package libopencc1.1, its configurations in libopencc-data) through OpenCC's C API. One
/// instance is opened once and shared: OpenCC's converter is thread-safe for conversions (its maintainers test concurrent
/// use, BYVoid/OpenCC#231), and the handle is a <see cref="SafeHandle"/>, so closing it at shutdown waits for a conversion
/// still running instead of freeing the converter under it (ADR-009).</summary>
public sealed partial class LibOpenCc : IChineseConverter, IDisposable
{
    private const string Library = "opencc";

    /// <summary>Traditional Chinese to Simplified Chinese, found in OpenCC's data folder (/usr/share/opencc).</summary>
    public const string T2S = "t2s.json";

    /// <summary>Debian ships only the versioned file name (the bare libopencc.so comes with libopencc-dev); the others are
    /// the names on other systems and builds.</summary>
    public static readonly IReadOnlyList<string> LibraryNames = ["libopencc.so.1.1", "libopencc.so.1", "libopencc.so", "libopencc.dylib", "opencc"];

    private static readonly Lock LoadLock = new();
    private static nint s_library;

    private readonly Handle _handle;

    private LibOpenCc(Handle handle) => _handle = handle;

    /// <summary>The converter of <paramref name="config"/>, or null with the reason when none of
    /// <paramref name="libraryNames"/> loads or OpenCC cannot open the configuration.</summary>
    public static LibOpenCc? TryOpen(IEnumerable<string> libraryNames, string config, out string? problem)
    {
        var names = libraryNames.ToList();
        if (!TryLoad(names))
        {
            problem = $"libopencc is not installed (tried {string.Join(", ", names)})";
            return null;
        }
        var handle = Open(config);
        if (handle.IsInvalid)
        {
            problem = $"libopencc cannot open {config}: {Marshal.PtrToStringUTF8(LastError())}";
            handle.Dispose();
            return null;
        }
        problem = null;
        return new LibOpenCc(handle);
    }

    public string ToSimplified(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }
        // OpenCC copies its input up to the first NUL, which would cut the text short.
        if (text.Contains('\0'))
        {
            return string.Join('\0', text.Split('\0').Select(ToSimplified));
        }
        var input = Encoding.UTF8.GetBytes(text);
        var output = ConvertUtf8(_handle, input, (nuint)input.Length);
        if (output == 0)
        {
            throw new InvalidOperationException("libopencc: " + Marshal.PtrToStringUTF8(LastError()));
        }
        try
        {
            return Marshal.PtrToStringUTF8(output) ?? "";
        }
        finally
        {
            FreeUtf8(output);
        }
    }

    public void Dispose() => _handle.Dispose();

    /// <summary>Loads the first of <paramref name="names"/> that the system has; the import resolver then hands the first
    /// library loaded to every call below.</summary>
    private static bool TryLoad(IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            if (!NativeLibrary.TryLoad(name, out var library))
            {
                continue;
            }
            lock (LoadLock)
            {
                if (s_library == 0)
                {
                    s_library = library;
                    NativeLibrary.SetDllImportResolver(typeof(LibOpenCc).Assembly, (import, _, _) => import == Library ? s_library : 0);
                }
            }
            return true;
        }
        return false;
    }

    /// <summary>opencc_t: (opencc_t)-1 when opencc_open fails.</summary>
    internal sealed class Handle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
    {
        protected override bool ReleaseHandle() => LibOpenCc.Close(handle) == 0;
    }

    [LibraryImport(Library, EntryPoint = "opencc_open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial Handle Open(string configFileName);

    [LibraryImport(Library, EntryPoint = "opencc_convert_utf8")]
    private static partial nint ConvertUtf8(Handle opencc, byte[] input, nuint length);

    [LibraryImport(Library, EntryPoint = "opencc_convert_utf8_free")]
    private static partial void FreeUtf8(nint output);

    [LibraryImport(Library, EntryPoint = "opencc_close")]
    private static partial int Close(nint opencc);

    [LibraryImport(Library, EntryPoint = "opencc_error")]
    private static partial nint LastError();
}
