namespace Jishi.Web.Features.Publicity;

/// <summary>The level of the outlet that carried a report: 区级, 市级, 省级 or 国家级.</summary>
public enum OutletLevel
{
    District = 0,
    City = 1,
    Province = 2,
    National = 3,
}

/// <summary>A 宣传报道: a news item about a unit (community or branch) in an outlet, with a link or a file (PDF or picture)
/// and the members it credits, each of whom gets the level's points once. A removed item stays, marked, for the audit of
/// the reversed points.</summary>
public sealed class PublicityItem
{
    public const int MaxTitle = 200;
    public const int MaxOutlet = 100;
    public const int MaxLink = 500;

    private readonly List<PublicityCredit> _credits = [];

    private PublicityItem() { }

    public PublicityItem(int unitId, string title, string outlet, OutletLevel level, DateOnly publishedOn, string? link,
        IEnumerable<int> memberIds, string by, DateTime at)
    {
        UnitId = unitId;
        Title = title.Trim();
        Outlet = outlet.Trim();
        Level = level;
        PublishedOn = publishedOn;
        Link = string.IsNullOrWhiteSpace(link) ? null : link.Trim();
        _credits.AddRange(memberIds.Distinct().Select(id => new PublicityCredit(id)));
        CreatedBy = by;
        CreatedAt = at;
    }

    public int Id { get; private set; }
    public int UnitId { get; private set; }
    public string Title { get; private set; } = "";
    public string Outlet { get; private set; } = "";
    public OutletLevel Level { get; private set; }
    public DateOnly PublishedOn { get; private set; }
    public string? Link { get; private set; }
    public string? FileName { get; private set; }
    public string? FileType { get; private set; }
    public byte[]? FileContent { get; private set; }
    public IReadOnlyList<PublicityCredit> Credits => _credits;
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? RemovedAt { get; private set; }
    public string? RemovedBy { get; private set; }
    public string? RemovedReason { get; private set; }

    public bool IsRemoved => RemovedAt is not null;

    public static string SourceKeyOf(int itemId, int memberId) => $"publicity:{itemId}:member:{memberId}";

    public void AttachFile(string name, string contentType, byte[] content)
    {
        FileName = name;
        FileType = contentType;
        FileContent = content;
    }

    public void Remove(string reason, string by, DateTime at)
    {
        RemovedReason = reason;
        RemovedBy = by;
        RemovedAt = at;
    }
}

/// <summary>A member credited by an item.</summary>
public sealed class PublicityCredit
{
    private PublicityCredit() { }

    internal PublicityCredit(int memberId) => MemberId = memberId;

    public int Id { get; private set; }
    public int PublicityItemId { get; private set; }
    public int MemberId { get; private set; }
}
