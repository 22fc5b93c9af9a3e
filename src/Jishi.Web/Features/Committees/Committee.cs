using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Committees;

/// <summary>A unit's committee (支委会, 党总支委员会, 党委) elected on a date for a term (换届). A unit has at most one current
/// committee; electing a new one closes it on the new election's date, so the earlier ones stay as history.</summary>
public sealed class Committee
{
    public const int MaxTermYears = 5;
    public const int MaxSeats = 31;

    private readonly List<CommitteeSeat> _seats = [];

    private Committee() { }

    public int Id { get; private set; }
    public int UnitId { get; private set; }
    public DateOnly ElectedOn { get; private set; }
    public int TermYears { get; private set; }

    /// <summary>The day the next committee was elected; null while this one is current.</summary>
    public DateOnly? ClosedOn { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }
    public IReadOnlyList<CommitteeSeat> Seats => _seats;

    public DateOnly TermEnds => ElectedOn.AddYears(TermYears);

    /// <summary>Days from <paramref name="today"/> to the end of the term; negative once it is past.</summary>
    public int DaysLeft(DateOnly today) => TermEnds.DayNumber - today.DayNumber;

    /// <summary>The member holding the 书记 post, null while it is vacant.</summary>
    public int? SecretaryId => _seats.FirstOrDefault(s => s.Post == CommitteePost.Secretary)?.MemberId;

    /// <summary>党委 and 党总支 (a street or a community) are elected for five years, a 支部 for three.</summary>
    public static int DefaultTermYears(UnitKind kind) => kind == UnitKind.Branch ? 3 : MaxTermYears;

    /// <summary>A 党小组 elects a 组长, not a committee.</summary>
    public static bool HasCommittee(UnitKind kind) => kind is UnitKind.Street or UnitKind.Community or UnitKind.Branch;

    /// <summary>Why this election cannot be recorded: the date (not ahead of <paramref name="today"/>, after the current
    /// committee's), the term, one post per member and at most one 书记, each member among <paramref name="eligible"/>
    /// (the active members of the unit's subtree).</summary>
    public static IReadOnlyList<FieldProblem> WhyNotElectable(DateOnly electedOn, int termYears, IReadOnlyList<SeatInput> seats,
        IReadOnlySet<int> eligible, Committee? current, DateOnly today)
    {
        var problems = new List<FieldProblem>();
        if (electedOn > today)
        {
            problems.Add(new("electedOn", "Committee.ElectedInFuture"));
        }
        else if (current is not null && electedOn <= current.ElectedOn)
        {
            problems.Add(new("electedOn", "Committee.ElectedBeforeCurrent", current.ElectedOn.ToString("yyyy-MM-dd",
                System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (termYears is < 1 or > MaxTermYears)
        {
            problems.Add(new("termYears", "Committee.TermYears", MaxTermYears));
        }
        if (seats.Count > MaxSeats)
        {
            problems.Add(new("members", "Committee.TooManySeats", MaxSeats));
        }
        if (seats.Any(s => !Enum.IsDefined(s.Post)))
        {
            problems.Add(new("members", "Committee.UnknownPost"));
        }
        if (seats.Count(s => s.Post == CommitteePost.Secretary) > 1)
        {
            problems.Add(new("members", "Committee.OneSecretary"));
        }
        if (seats.Where(s => s.MemberId is not null).GroupBy(s => s.MemberId).Any(g => g.Count() > 1))
        {
            problems.Add(new("members", "Committee.OnePostEach"));
        }
        if (seats.Any(s => s.MemberId is { } id && !eligible.Contains(id)))
        {
            problems.Add(new("members", "Committee.NotOfUnit"));
        }
        return problems;
    }

    /// <summary>Records the election (checked with <see cref="WhyNotElectable"/> first) and closes <paramref name="current"/>;
    /// a 书记 not named is recorded as a vacant seat, so every committee has one.</summary>
    public static Result<Committee> Elect(int unitId, DateOnly electedOn, int termYears, IReadOnlyList<SeatInput> seats,
        IReadOnlySet<int> eligible, Committee? current, DateOnly today, string by, DateTime now)
    {
        if (WhyNotElectable(electedOn, termYears, seats, eligible, current, today) is { Count: > 0 } problems)
        {
            return new ValidationError(problems);
        }
        var committee = new Committee { UnitId = unitId, ElectedOn = electedOn, TermYears = termYears, RecordedBy = by, RecordedAt = now };
        var ordered = seats.All(s => s.Post != CommitteePost.Secretary)
            ? seats.Prepend(new SeatInput(null, CommitteePost.Secretary))
            : seats;
        var order = 0;
        foreach (var seat in ordered.OrderBy(s => s.Post))
        {
            committee._seats.Add(new CommitteeSeat(seat.Post, seat.MemberId, order++));
        }
        current?.Close(electedOn);
        return committee;
    }

    private void Close(DateOnly on) => ClosedOn = on;
}
