using Jishi.Web.Shared;

namespace Jishi.Web.Features.Duties;

/// <summary>What a community's cell of a key task shows: 未开始, 进行中, 已完成 or 逾期 (not done after its deadline).</summary>
public enum KeyTaskStatus
{
    NotStarted = 0,
    InProgress = 1,
    Done = 2,
    Overdue = 3,
}

/// <summary>One of the street's 重点任务 for a year (the report names seven), broken down into one cell per community.</summary>
public sealed class KeyTask
{
    public const int MaxTitle = 200;
    public const int MaxText = 2000;

    private readonly List<KeyTaskCell> _cells = [];

    private KeyTask() { }

    public KeyTask(int streetId, int year, string title, string? description, DateOnly deadline, int sortOrder, IEnumerable<int> communityIds)
    {
        StreetId = streetId;
        Year = year;
        SortOrder = sortOrder;
        Change(title, description, deadline);
        _cells.AddRange(communityIds.Select(id => new KeyTaskCell(id, deadline)));
    }

    public int Id { get; private set; }
    public int StreetId { get; private set; }
    public int Year { get; private set; }
    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public DateOnly Deadline { get; private set; }
    public int SortOrder { get; private set; }
    public IReadOnlyList<KeyTaskCell> Cells => _cells;

    public void Change(string title, string? description, DateOnly deadline)
    {
        Title = title.Trim();
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        Deadline = deadline;
    }
}

/// <summary>A key task as one community carries it out: who owns it, by when, how far it is, and when it was done.</summary>
public sealed class KeyTaskCell
{
    public const int MaxOwner = 50;

    private KeyTaskCell() { }

    internal KeyTaskCell(int unitId, DateOnly deadline)
    {
        UnitId = unitId;
        Deadline = deadline;
    }

    public int Id { get; private set; }
    public int KeyTaskId { get; private set; }
    public int UnitId { get; private set; }
    public string? Owner { get; private set; }
    public DateOnly Deadline { get; private set; }

    /// <summary>Per cent done, 0–100; 100 is done, on <see cref="CompletedOn"/>.</summary>
    public int Progress { get; private set; }

    public DateOnly? CompletedOn { get; private set; }
    public string? UpdatedBy { get; private set; }
    public DateTime? UpdatedAt { get; private set; }

    public KeyTaskStatus StatusOn(DateOnly today) => KeyTaskRules.Status(Progress, CompletedOn, Deadline, today);

    public void SetDeadline(DateOnly deadline) => Deadline = deadline;

    /// <summary>Records progress; reaching 100 % marks it done on <paramref name="on"/>, falling below clears the date.</summary>
    public void Report(string? owner, int progress, DateOnly on, string by, DateTime at)
    {
        if (progress is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(progress));
        }
        Owner = string.IsNullOrWhiteSpace(owner) ? null : owner.Trim();
        CompletedOn = progress == 100 ? CompletedOn ?? on : null;
        Progress = progress;
        UpdatedBy = by;
        UpdatedAt = at;
    }
}

/// <summary>A progress note of a cell, in the order written.</summary>
public sealed class KeyTaskNote
{
    private KeyTaskNote() { }

    public KeyTaskNote(int cellId, int progress, string text, string by, DateTime at)
    {
        CellId = cellId;
        Progress = progress;
        Text = text;
        By = by;
        At = at;
    }

    public int Id { get; private set; }
    public int CellId { get; private set; }
    public int Progress { get; private set; }
    public string Text { get; private set; } = "";
    public string By { get; private set; } = "";
    public DateTime At { get; private set; }
}

/// <summary>A file proving a cell's progress; the bytes live in the database so that a backup carries them.</summary>
public sealed class KeyTaskEvidence : StoredFile
{
    private KeyTaskEvidence() { }

    public KeyTaskEvidence(int cellId, string fileName, string contentType, byte[] content, string by, DateTime at)
        : base(fileName, contentType, content, by, at) => CellId = cellId;

    public int CellId { get; private set; }
}
