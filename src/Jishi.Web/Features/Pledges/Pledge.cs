namespace Jishi.Web.Features.Pledges;

public enum PledgeStatus
{
    Draft = 0,
    Published = 1,
    Kept = 2,
    NotKept = 3,
}

/// <summary>A member's 公开承诺 for a year: measurable items, published on the board, then closed once as kept (践诺, with
/// evidence, which awards the pledge rule) or not kept (with the reason). The branch's rating (评诺) may be given or changed
/// at any time after publication.</summary>
public sealed class Pledge
{
    public const int MaxItems = 10;
    public const int MaxItemText = 200;
    public const int MaxTarget = 50;
    public const int MaxText = 1000;

    /// <summary>The grades of 评诺, best first (the same words as the review ballots).</summary>
    public static readonly string[] Grades = ["好", "较好", "一般", "差"];

    private readonly List<PledgeItem> _items = [];

    private Pledge() { }

    public Pledge(int memberId, int year, IEnumerable<(string Text, string Target)> items, string by, DateTime at)
    {
        MemberId = memberId;
        Year = year;
        CreatedBy = by;
        CreatedAt = at;
        ReplaceItems(items);
    }

    public int Id { get; private set; }
    public int MemberId { get; private set; }
    public int Year { get; private set; }
    public PledgeStatus Status { get; private set; }
    public IReadOnlyList<PledgeItem> Items => _items;
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? PublishedAt { get; private set; }

    /// <summary>The evidence of 践诺, or why the pledge was not kept.</summary>
    public string? Outcome { get; private set; }

    public string? ClosedBy { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public string? Grade { get; private set; }
    public string? GradeComment { get; private set; }
    public string? RatedBy { get; private set; }
    public DateTime? RatedAt { get; private set; }

    /// <summary>The source key of the award of a kept pledge: the ledger posts one entry per key.</summary>
    public string SourceKey => SourceKeyOf(Id);

    public static string SourceKeyOf(int id) => $"pledge:{id}";

    /// <summary>The resource key of why the items cannot change now, or null: only a draft is edited.</summary>
    public string? WhyNotEditable() => Status == PledgeStatus.Draft ? null : "Pledges.NotDraft";

    public string? WhyNotPublishable() => Status == PledgeStatus.Draft ? null : "Pledges.NotDraft";

    /// <summary>Kept or not kept is decided once, on a published pledge. A repeated 践诺 is allowed (and changes nothing)
    /// so that a retry after a failed award posts it.</summary>
    public string? WhyNotClosable(PledgeStatus to) =>
        Status == PledgeStatus.Published || (Status == to && to == PledgeStatus.Kept) ? null
        : Status == PledgeStatus.Draft ? "Pledges.NotPublished"
        : "Pledges.AlreadyClosed";

    public string? WhyNotRatable() => Status == PledgeStatus.Draft ? "Pledges.NotPublished" : null;

    public void ReplaceItems(IEnumerable<(string Text, string Target)> items)
    {
        if (WhyNotEditable() is { } why)
        {
            throw new InvalidOperationException(why);
        }
        _items.Clear();
        _items.AddRange(items.Select((item, i) => new PledgeItem(i + 1, item.Text, item.Target)));
    }

    public void Publish(DateTime at)
    {
        if (WhyNotPublishable() is { } why)
        {
            throw new InvalidOperationException(why);
        }
        Status = PledgeStatus.Published;
        PublishedAt = at;
    }

    public void Keep(string evidence, string by, DateTime at) => Close(PledgeStatus.Kept, evidence, by, at);

    public void MarkNotKept(string reason, string by, DateTime at) => Close(PledgeStatus.NotKept, reason, by, at);

    public void Rate(string grade, string? comment, string by, DateTime at)
    {
        if (WhyNotRatable() is { } why)
        {
            throw new InvalidOperationException(why);
        }
        if (!Grades.Contains(grade))
        {
            throw new ArgumentOutOfRangeException(nameof(grade), grade, "A grade is one of 好, 较好, 一般, 差.");
        }
        Grade = grade;
        GradeComment = comment;
        RatedBy = by;
        RatedAt = at;
    }

    private void Close(PledgeStatus to, string outcome, string by, DateTime at)
    {
        if (WhyNotClosable(to) is { } why)
        {
            throw new InvalidOperationException(why);
        }
        if (Status == to)
        {
            return; // a retried 践诺 keeps the first evidence
        }
        Status = to;
        Outcome = outcome;
        ClosedBy = by;
        ClosedAt = at;
    }
}

/// <summary>One measurable item of a pledge: what (结对帮扶困难户) and how much (2户), in the member's order.</summary>
public sealed class PledgeItem
{
    private PledgeItem() { }

    public PledgeItem(int position, string text, string target)
    {
        Position = position;
        Text = text;
        Target = target;
    }

    public int Id { get; private set; }
    public int PledgeId { get; private set; }
    public int Position { get; private set; }
    public string Text { get; private set; } = "";
    public string Target { get; private set; } = "";
}
