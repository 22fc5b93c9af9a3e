namespace Jishi.Web.Features.Text;

/// <summary>The converter the host uses: Debian's libopencc when it is installed, else OpenCC's dictionaries embedded in
/// Jishi.Web (a Windows machine, or a street office that ran `dotnet run` without the setup), said once in the log.</summary>
public static class ChineseConverters
{
    public static IChineseConverter Create(ILogger logger, IEnumerable<string>? libraryNames = null, string config = LibOpenCc.T2S)
    {
        if (LibOpenCc.TryOpen(libraryNames ?? LibOpenCc.LibraryNames, config, out var problem) is { } native)
        {
            logger.LogInformation("Traditional to simplified Chinese: libopencc with {Config}", config);
            return native;
        }
        logger.LogWarning("Traditional to simplified Chinese: {Problem}; using the OpenCC dictionaries embedded in Jishi.Web instead (apt-get install libopencc1.1)", problem);
        return new OpenCcDictionaries();
    }
}
