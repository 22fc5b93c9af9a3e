namespace Jishi.Web.Features.Grading;

public enum LibraryStatus
{
    Draft = 0,
    Adopted = 1,
}

public enum IndicatorKind
{
    /// <summary>基本分: the basic indicators' full scores sum to 100.</summary>
    Basic = 0,

    /// <summary>扣分项: points taken off the basic score, up to the item's full score.</summary>
    Deduction = 1,
}

/// <summary>The 指标库 of one street for one year, versioned: edited as a draft, then adopted (and frozen) for rounds to
/// use; a new version of the same year starts as a copy of the adopted one, a new year as a copy of last year's.</summary>
public sealed class IndicatorLibrary
{
    public const int BasicTotal = 100;

    private IndicatorLibrary() { }

    public IndicatorLibrary(int streetId, int year, int version, string by, DateTime at)
    {
        StreetId = streetId;
        Year = year;
        Version = version;
        CreatedBy = by;
        CreatedAt = at;
    }

    public int Id { get; private set; }
    public int StreetId { get; private set; }
    public int Year { get; private set; }
    public int Version { get; private set; }
    public LibraryStatus Status { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public string? AdoptedBy { get; private set; }
    public DateTime? AdoptedAt { get; private set; }
    public List<Indicator> Indicators { get; private set; } = [];

    public decimal BasicSum => Indicators.Where(i => i.Kind == IndicatorKind.Basic).Sum(i => i.FullScore);

    public string? WhyNotEditable() => Status == LibraryStatus.Draft ? null : "Grading.LibraryAdopted";

    /// <summary>Adoptable once the basic indicators sum to exactly 100.</summary>
    public string? WhyNotAdoptable() => WhyNotEditable() ?? (BasicSum == BasicTotal ? null : "Grading.BasicNot100");

    public void Replace(IEnumerable<Indicator> indicators)
    {
        Ensure(WhyNotEditable());
        Indicators.Clear();
        Indicators.AddRange(indicators);
    }

    public void Adopt(string by, DateTime at)
    {
        Ensure(WhyNotAdoptable());
        Status = LibraryStatus.Adopted;
        AdoptedBy = by;
        AdoptedAt = at;
    }

    /// <summary>A new draft with the same indicators, for <paramref name="year"/> as <paramref name="version"/>.</summary>
    public IndicatorLibrary CopyAs(int year, int version, string by, DateTime at)
    {
        var copy = new IndicatorLibrary(StreetId, year, version, by, at);
        copy.Indicators.AddRange(Indicators.OrderBy(i => i.SortOrder).Select(i => i.Copy()));
        return copy;
    }

    private static void Ensure(string? whyNot)
    {
        if (whyNot is not null)
        {
            throw new InvalidOperationException(whyNot);
        }
    }
}

/// <summary>One indicator: what is checked (category, item, content), how many points at most (<see cref="FullScore"/>),
/// how it is scored and which evidence it asks for. A veto item (一票否决) scores nothing but, when hit, caps the branch at
/// ★1 后进. <see cref="AutoSource"/> names a feature that will supply the score by itself (e.g. "key-tasks").</summary>
public sealed class Indicator
{
    public const int MaxCategory = 30;
    public const int MaxItem = 100;
    public const int MaxText = 1000;
    public const int MaxSource = 40;

    private Indicator() { }

    public Indicator(int sortOrder, string category, string item, string content, decimal fullScore, string criteria, bool evidenceRequired,
        bool isVeto, IndicatorKind kind, string? autoSource)
    {
        SortOrder = sortOrder;
        Category = category;
        Item = item;
        Content = content;
        FullScore = fullScore;
        Criteria = criteria;
        EvidenceRequired = evidenceRequired;
        IsVeto = isVeto;
        Kind = kind;
        AutoSource = autoSource;
    }

    public int Id { get; private set; }
    public int LibraryId { get; private set; }
    public int SortOrder { get; private set; }
    public string Category { get; private set; } = "";
    public string Item { get; private set; } = "";
    public string Content { get; private set; } = "";
    public decimal FullScore { get; private set; }
    public string Criteria { get; private set; } = "";
    public bool EvidenceRequired { get; private set; }
    public bool IsVeto { get; private set; }
    public IndicatorKind Kind { get; private set; }
    public string? AutoSource { get; private set; }

    public Indicator Copy() => new(SortOrder, Category, Item, Content, FullScore, Criteria, EvidenceRequired, IsVeto, Kind, AutoSource);
}
