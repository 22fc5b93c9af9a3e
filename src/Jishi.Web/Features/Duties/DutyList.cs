namespace Jishi.Web.Features.Duties;

/// <summary>A 责任清单: the duties a unit's secretary carries as 第一责任人 in a year. The unit is the key; the person is
/// whoever is its secretary (Unit.SecretaryName), so the list survives a change of secretary.</summary>
public sealed class DutyList
{
    public const int MaxItems = 50;

    /// <summary>The street template offered first: the duties of a community secretary as 第一责任人 as the committee lists them.</summary>
    public static readonly (string Category, string Content)[] DefaultTemplate =
    [
        ("抓班子带队伍", "每季度主持召开一次党建工作专题会议，研究解决突出问题"),
        ("抓班子带队伍", "落实“三会一课”制度，每年为党员讲党课不少于 1 次"),
        ("抓组织建设", "按期完成支部换届，规范党员发展和组织关系接转"),
        ("抓阵地建设", "社区党群服务中心每周开放不少于 40 小时"),
        ("抓党员管理", "推行党员积分管理，每季度公示积分"),
        ("抓服务群众", "组织在职党员进社区报到，认领微心愿、参加志愿服务"),
        ("抓党风廉政", "落实一岗双责，及时处置群众反映的问题"),
    ];

    private readonly List<DutyItem> _items = [];

    private DutyList() { }

    public DutyList(int unitId, int year)
    {
        UnitId = unitId;
        Year = year;
    }

    public int Id { get; private set; }
    public int UnitId { get; private set; }
    public int Year { get; private set; }
    public IReadOnlyList<DutyItem> Items => _items;
    public string? UpdatedBy { get; private set; }
    public DateTime? UpdatedAt { get; private set; }

    /// <summary>Adds the template's items this list lacks (same category and content); returns how many were added.</summary>
    public int AddMissing(IEnumerable<(string Category, string Content)> template)
    {
        var added = 0;
        foreach (var (category, content) in template)
        {
            if (!_items.Any(i => i.Category == category && i.Content == content))
            {
                _items.Add(new DutyItem(_items.Count + 1, category, content, DutyStatus.NotStarted, null));
                added++;
            }
        }
        return added;
    }

    public void ReplaceItems(IEnumerable<(string Category, string Content, DutyStatus Status, string? Notes)> items, string by, DateTime at)
    {
        // Read first: the new items may be computed from the current ones.
        var replacement = items.Select((i, n) => new DutyItem(n + 1, i.Category, i.Content, i.Status, i.Notes)).ToList();
        _items.Clear();
        _items.AddRange(replacement);
        UpdatedBy = by;
        UpdatedAt = at;
    }
}

public enum DutyStatus
{
    NotStarted = 0,
    InProgress = 1,
    Done = 2,
}

/// <summary>One duty of a list: its category (抓班子带队伍, 抓阵地建设, …), what it asks, and the year's status and notes.</summary>
public sealed class DutyItem
{
    public const int MaxCategory = 50;
    public const int MaxContent = 500;
    public const int MaxNotes = 1000;

    private DutyItem() { }

    internal DutyItem(int position, string category, string content, DutyStatus status, string? notes)
    {
        Position = position;
        Category = category;
        Content = content;
        Status = status;
        Notes = notes;
    }

    public int Id { get; private set; }
    public int DutyListId { get; private set; }
    public int Position { get; private set; }
    public string Category { get; private set; } = "";
    public string Content { get; private set; } = "";
    public DutyStatus Status { get; private set; }
    public string? Notes { get; private set; }
}
