namespace Jishi.Web.Features.Text;

/// <summary>Traditional to Simplified Chinese (OpenCC's t2s). One instance serves every request: implementations are
/// thread-safe.</summary>
public interface IChineseConverter
{
    string ToSimplified(string text);
}
