namespace Jishi.Web.Features.Dues;

/// <summary>交纳基数: what a member's dues of a year are reckoned on and the monthly amount that follows, one per member and
/// year. Revised when the income changes; months already paid keep the amount they were paid with.</summary>
public sealed class DuesBase
{
    private DuesBase() { }

    public DuesBase(int memberId, int year) => (MemberId, Year) = (memberId, year);

    public int Id { get; private set; }
    public int MemberId { get; private set; }
    public int Year { get; private set; }
    public DuesCategory Category { get; private set; }

    /// <summary>Monthly after-tax wage or basic pension in fen; 0 where a fixed amount applies.</summary>
    public long IncomeFen { get; private set; }

    public long MonthlyDueFen { get; private set; }
    public string SetBy { get; private set; } = "";
    public DateTime SetAt { get; private set; }

    /// <summary>Sets the base by <paramref name="standard"/>: the income is kept only where it counts.</summary>
    public void Set(DuesStandard standard, DuesCategory category, long incomeFen, string by, DateTime at)
    {
        Category = category;
        IncomeFen = DuesStandard.TakesIncome(category) ? incomeFen : 0;
        MonthlyDueFen = standard.MonthlyFen(category, IncomeFen);
        SetBy = by;
        SetAt = at;
    }
}
