namespace Jishi.Web.Features.Duties;

/// <summary>A 责任清单: the duties a unit's secretary carries as 第一责任人 in a year. The unit is the key; the person is
/// whoever is its secretary (Unit.SecretaryName), so the list survives a change of secretary.</summary>
public sealed class DutyList
{
    public const int MaxItems = 50;

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
        _items.Clear();
        _items.AddRange(items.Select((i, n) => new DutyItem(n + 1, i.Category, i.Content, i.Status, i.Notes)));
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
