using Jishi.Web.Features.Members;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Points;

/// <summary>The suggested assessment band (评定档次) of the year-end 积分考评 sheet, the input to 民主评议党员 and 评先评优.</summary>
public enum YearEndBand
{
    Excellent,
    Qualified,
    BasicallyQualified,
    Unqualified,

    /// <summary>免评: exempted by the branch's decision (<see cref="Exemption"/>), listed without rank.</summary>
    Exempt,
}

/// <summary>The period a leaderboard ranks by: the year ranks by assessment score, a quarter or month by the points granted
/// in it (approved entries by the day they occurred).</summary>
public enum BoardPeriod
{
    Year,
    Quarter,
    Month,
}

/// <summary>The period query parameter, bound case-insensitively ("period=quarter"; enum parameters bind case-sensitively).</summary>
public readonly record struct PeriodName(BoardPeriod Value)
{
    public static bool TryParse(string? text, out PeriodName name)
    {
        var parsed = Enum.TryParse<BoardPeriod>(text, ignoreCase: true, out var value);
        name = new(value);
        return parsed;
    }
}

/// <summary>The rules of the boards, warnings and year-end sheet, in one place: ranks, periods, the warning margin and the
/// suggested bands.</summary>
public static class Standings
{
    /// <summary>A member within this many points above the first star threshold is 关注 (watched); below it, 不合格.</summary>
    public const decimal WatchMargin = 5;

    /// <summary>Below the first star threshold but at least this score is still 基本合格, not 不合格.</summary>
    public const decimal BasicFloor = 50;

    /// <summary>优秀 is suggested for the top fifth of the unit's members (rank ≤ ⌊count × 20%⌋, so the quota is never
    /// exceeded except by members tied at its last rank) who also hold at least four stars.</summary>
    public const decimal ExcellentShare = 0.2m;

    public const int ExcellentMinStars = 4;

    /// <summary>The band the sheet suggests: a veto or a score under <see cref="BasicFloor"/> is 不合格; one star or none is
    /// 基本合格; the top fifth with four stars or more is 优秀; everyone else 合格.</summary>
    public static YearEndBand Suggest(decimal score, int stars, bool vetoed, int rank, int count)
    {
        if (vetoed || score < BasicFloor)
        {
            return YearEndBand.Unqualified;
        }
        if (stars <= 1)
        {
            return YearEndBand.BasicallyQualified;
        }
        return stars >= ExcellentMinStars && rank <= ExcellentQuota(count) ? YearEndBand.Excellent : YearEndBand.Qualified;
    }

    public static int ExcellentQuota(int count) => (int)Math.Floor(count * ExcellentShare);

    /// <summary>Competition ranks of values already sorted best first: equal values share a rank and the next rank skips
    /// (1, 2, 2, 4).</summary>
    public static int[] Ranks(IReadOnlyList<decimal> sortedBestFirst)
    {
        var ranks = new int[sortedBestFirst.Count];
        for (var i = 0; i < ranks.Length; i++)
        {
            ranks[i] = i > 0 && sortedBestFirst[i - 1] == sortedBestFirst[i] ? ranks[i - 1] : i + 1;
        }
        return ranks;
    }

    /// <summary>Whether a score warrants a warning: below the first star threshold (不合格) or within
    /// <see cref="WatchMargin"/> above it (关注).</summary>
    public static bool NeedsWarning(decimal score, decimal firstThreshold) => score < firstThreshold + WatchMargin;

    /// <summary>The members scored for <paramref name="year"/>: nobody is scored for a year before the one they joined in (a
    /// member without a join date is taken as a member all along).</summary>
    public static IQueryable<Member> ScoredIn(this IQueryable<Member> members, int year)
    {
        var yearEnd = new DateOnly(year, 12, 31);
        return members.Where(m => m.JoinedOn == null || m.JoinedOn <= yearEnd);
    }

    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public static string PeriodKey(BoardPeriod period) => "Boards.Period." + period;

    /// <summary>The days of a period of <paramref name="year"/>, both ends included; a validation error when the period is
    /// unknown, the year outside 2000–2100, or its quarter (1–4) or month (1–12) is missing or out of range.</summary>
    public static Result<(BoardPeriod Period, DateOnly From, DateOnly To)> PeriodOf(BoardPeriod? period, int year, int? quarter, int? month)
    {
        var kind = period ?? BoardPeriod.Year;
        if (!Enum.IsDefined(kind))
        {
            return new ValidationError([new("period", "Boards.PeriodUnknown", kind)]);
        }
        if (year is < MinYear or > MaxYear)
        {
            return new ValidationError([new("year", "Boards.YearRange", MinYear, MaxYear)]);
        }
        switch (kind)
        {
            case BoardPeriod.Quarter when quarter is not (>= 1 and <= 4):
                return new ValidationError([new("quarter", "Boards.QuarterRange")]);
            case BoardPeriod.Quarter:
                var first = new DateOnly(year, (quarter!.Value - 1) * 3 + 1, 1);
                return (kind, first, first.AddMonths(3).AddDays(-1));
            case BoardPeriod.Month when month is not (>= 1 and <= 12):
                return new ValidationError([new("month", "Boards.MonthRange")]);
            case BoardPeriod.Month:
                var day1 = new DateOnly(year, month!.Value, 1);
                return (kind, day1, day1.AddMonths(1).AddDays(-1));
            default:
                return (kind, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }
    }
}
