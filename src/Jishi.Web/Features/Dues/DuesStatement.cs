namespace Jishi.Web.Features.Dues;

/// <summary>A month of a member's year: what is due and what was paid, in fen.</summary>
public sealed record DuesMonthFen(int Month, long DueFen, long PaidFen)
{
    public bool Paid => PaidFen > 0;
}

/// <summary>A member's dues of a year month by month, and the arrears: pure, so the rules are unit-tested. A paid month is due
/// what it was paid at; an unpaid one the year's monthly dues, or nothing before the member joined or without a base. Arrears
/// are the unpaid dues of the months up to and including the current one.</summary>
public static class DuesStatement
{
    public static IReadOnlyList<DuesMonthFen> Months(int year, long? monthlyDueFen, DateOnly? joinedOn,
        IReadOnlyDictionary<int, long> paidFen) =>
        Enumerable.Range(1, 12).Select(m => DuesMonth.Of(year, m)).Select(month => paidFen.TryGetValue(month, out var paid)
            ? new DuesMonthFen(month, paid, paid)
            : new DuesMonthFen(month, Owes(month, joinedOn) ? monthlyDueFen ?? 0 : 0, 0)).ToList();

    /// <summary>The unpaid dues of the months up to <paramref name="currentMonth"/> (yyyyMM).</summary>
    public static long ArrearsFen(IEnumerable<DuesMonthFen> months, int currentMonth) =>
        months.Where(m => m.Month <= currentMonth).Sum(m => m.DueFen - m.PaidFen);

    private static bool Owes(int month, DateOnly? joinedOn) =>
        joinedOn is not { } joined || month >= DuesMonth.Of(joined.Year, joined.Month);
}
