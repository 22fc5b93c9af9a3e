namespace Jishi.Web.Features.Members;

/// <summary>A tier (分层类别) of the configurable list; members name their tier by <see cref="Name"/>.</summary>
public sealed class MemberTier
{
    public int Id { get; private set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;

    public static readonly string[] Defaults = ["在职", "离退休", "流动", "年老体弱", "社区干部"];
}
