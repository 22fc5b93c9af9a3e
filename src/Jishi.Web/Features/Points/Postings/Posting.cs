using Jishi.Web.Shared;

namespace Jishi.Web.Features.Points.Postings;

/// <summary>A quarterly 公示 of a unit's points: the quarter's entries of every member are open to objection from
/// <see cref="OpensOn"/> through <see cref="ClosesOn"/> (local dates, both included).</summary>
public sealed class Posting
{
    public const int DefaultDays = 5;
    public const int MaxDays = 30;

    private Posting() { }

    public Posting(int unitId, int year, int quarter, DateOnly opensOn, int days, string by, DateTime at)
    {
        if (quarter is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "A quarter is 1 to 4.");
        }
        if (days is < 1 or > MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, "The window is 1 to 30 days.");
        }
        UnitId = unitId;
        Year = year;
        Quarter = quarter;
        OpensOn = opensOn;
        ClosesOn = opensOn.AddDays(days - 1);
        CreatedBy = by;
        CreatedAt = at;
    }

    public int Id { get; private set; }
    public int UnitId { get; private set; }
    public int Year { get; private set; }
    public int Quarter { get; private set; }
    public DateOnly OpensOn { get; private set; }
    public DateOnly ClosesOn { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    /// <summary>The first and last day of a quarter.</summary>
    public static (DateOnly From, DateOnly To) QuarterOf(int year, int quarter)
    {
        var from = new DateOnly(year, quarter * 3 - 2, 1);
        return (from, from.AddMonths(3).AddDays(-1));
    }

    /// <summary>What is wrong with a 公示 to open on <paramref name="today"/>: a year from 2000 to this one, a quarter, a
    /// window of 1 to <see cref="MaxDays"/> days opening no later than that many days ahead.</summary>
    public static IReadOnlyList<FieldProblem> ProblemsOf(int year, int? quarter, int days, DateOnly opensOn,
        DateOnly today)
    {
        var problems = new List<FieldProblem>();
        if (year < 2000 || year > today.Year)
        {
            problems.Add(new("year", "Postings.YearRange"));
        }
        if (quarter is not (>= 1 and <= 4))
        {
            problems.Add(new("quarter", "Postings.QuarterRange"));
        }
        if (days is < 1 or > MaxDays)
        {
            problems.Add(new("days", "Postings.DaysRange", MaxDays));
        }
        if (opensOn > today.AddDays(MaxDays) || opensOn.Year < 2000)
        {
            problems.Add(new("opensOn", "Postings.OpensOnRange", MaxDays));
        }
        return problems;
    }

    /// <summary>The 公示 lists an entry of a member of its unit that is approved and dated in its quarter.</summary>
    public bool Lists(bool memberInUnit, EntryStatus status, DateOnly occurredOn) =>
        memberInUnit && status == EntryStatus.Approved && Covers(occurredOn);

    /// <summary>Objections are taken on the window's days only.</summary>
    public bool IsOpenOn(DateOnly day) => day >= OpensOn && day <= ClosesOn;

    public bool Covers(DateOnly occurredOn)
    {
        var (from, to) = QuarterOf(Year, Quarter);
        return occurredOn >= from && occurredOn <= to;
    }
}

public enum ObjectionStatus
{
    Open = 0,
    Reversed = 1,
    Rejected = 2,
}

/// <summary>A member's objection to one entry of a 公示, recorded by staff on the member's behalf and resolved once:
/// the entry reversed through the ledger, or the objection rejected with the reason.</summary>
public sealed class Objection
{
    public const int MaxText = 500;

    private Objection() { }

    public Objection(int postingId, long entryId, string reason, string by, DateTime at)
    {
        PostingId = postingId;
        EntryId = entryId;
        Reason = reason;
        RecordedBy = by;
        RecordedAt = at;
    }

    public int Id { get; private set; }
    public int PostingId { get; private set; }
    public long EntryId { get; private set; }
    public string Reason { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }
    public ObjectionStatus Status { get; private set; }
    public string? Resolution { get; private set; }
    public string? ResolvedBy { get; private set; }
    public DateTime? ResolvedAt { get; private set; }

    /// <summary>An objection's reason and its resolution's: required, at most <see cref="MaxText"/>
    /// characters.</summary>
    public static ValidationError? ReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? new ValidationError([new("reason", "Points.ReasonRequired")])
        : reason.Trim().Length > MaxText ? new ValidationError([new("reason", "Text.TooLong", MaxText)])
        : null;

    /// <summary>The reversing ledger entry when the objection was upheld.</summary>
    public long? ReversalEntryId { get; private set; }

    public void Resolve(ObjectionStatus outcome, string resolution, long? reversalEntryId, string by, DateTime at)
    {
        if (Status != ObjectionStatus.Open)
        {
            throw new InvalidOperationException("An objection is resolved once.");
        }
        if (outcome == ObjectionStatus.Open || (outcome == ObjectionStatus.Reversed) != reversalEntryId.HasValue)
        {
            throw new ArgumentException("A reversal names its entry; a rejection names none.", nameof(reversalEntryId));
        }
        Status = outcome;
        Resolution = resolution;
        ReversalEntryId = reversalEntryId;
        ResolvedBy = by;
        ResolvedAt = at;
    }
}

public static class PostingFormat
{
    /// <summary>Points as a 公示 lists them: +5, −0.5 (with the sign, so that a deduction is not read as an award).</summary>
    public static string Signed(decimal points) =>
        (points > 0 ? "+" : "") + points.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
