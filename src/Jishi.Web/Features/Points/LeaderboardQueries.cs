using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Points;

/// <summary>The leaderboards of the caller's subtree, ranked from the stored balance rows, and the year the points screens
/// open on.</summary>
public sealed class LeaderboardQueries(JishiDbContext db, CurrentUser user, TimeProvider clock, RuleSetLookup rules)
{
    public const int DefaultTop = 100;

    /// <summary><paramref name="Period"/>: year (default) ranks by assessment score; quarter (with <paramref name="Quarter"/>
    /// 1–4) or month (with <paramref name="Month"/> 1–12) by the points granted in that period.</summary>
    public sealed record LeaderboardRequest(int? UnitId = null, string? Tier = null, int? Year = null, int? Top = null,
        PeriodName? Period = null, int? Quarter = null, int? Month = null);

    /// <summary>The year the screens open on: the latest with points, else this year.</summary>
    public async Task<int> DefaultYearAsync(CancellationToken ct) =>
        await db.MemberPoints.MaxAsync(p => (int?)p.Year, ct) ?? Today().Year;

    /// <summary>The top members by assessment score, or for a quarter or month by the points granted in it, ties sharing a
    /// rank (1, 2, 2, 4). A member without entries in the year has the base score of the tier.</summary>
    public async Task<Result<IReadOnlyList<LeaderboardRow>>> LeaderboardAsync(LeaderboardRequest r, CancellationToken ct)
    {
        if (await db.ScopeOfAsync(user, r.UnitId, ct) is not { } scope)
        {
            return Error.NotFound("Entity.Unit");
        }
        var year = r.Year ?? Today().Year;
        var period = Standings.PeriodOf(r.Period?.Value, year, r.Quarter, r.Month);
        if (period.Error is { } invalid)
        {
            return invalid;
        }
        var top = Math.Clamp(r.Top ?? DefaultTop, 1, Paging.MaxPageSize);
        var members = db.Members.AsNoTracking().Within(scope).ScoredIn(year).Where(m => m.Status == MemberStatus.Active);
        if (r.Tier?.Trim() is { Length: > 0 } tier)
        {
            members = members.Where(m => m.Tier == tier);
        }
        var standards = await rules.StandardsAsync(year, ct);
        var (kind, from, to) = period.Value;
        var ranked = kind == BoardPeriod.Year
            ? await ByScoreAsync(members, year, top, standards, ct)
            : await ByPeriodAsync(members, year, from, to, top, standards, ct);
        var ranks = Standings.Ranks(ranked.Select(c => kind == BoardPeriod.Year ? c.Score!.Value : c.Points).ToList());
        return ranked.Select((c, i) => new LeaderboardRow(ranks[i], c.Id, c.Name, c.Score!.Value,
            standards.StarsOf(Unit.StreetOf(c.Path), c.Tier).StarsFor(c.Score.Value), c.Tier, c.UnitName, c.Points)).ToList();
    }

    private async Task<List<Candidate>> ByScoreAsync(IQueryable<Member> members, int year, int top, Standards standards, CancellationToken ct)
    {
        var scored = await members.Join(db.MemberPoints.Where(p => p.Year == year), m => m.Id, p => p.MemberId, (m, p) => new { m, p })
            .OrderByDescending(x => x.p.AssessmentScore).ThenBy(x => x.m.Id).Take(top)
            .Select(x => new Candidate(x.m.Id, x.m.Name, x.m.Tier, x.m.Unit!.Name, x.m.Unit.Path, x.p.AssessmentScore, x.p.Earned)).ToListAsync(ct);
        // Members without a balance row all stand at their tier's base score: the first few of each tier can enter the board.
        // Finding them scans every member of the scope (the bench: 45 of 47 ms of a city-wide board), so it is skipped when
        // the board is already full of scores above every base score, where none of them could enter.
        if (scored.Count < top || scored[^1].Score <= standards.HighestBase)
        {
            var unscored = members.Where(m => !db.MemberPoints.Any(p => p.MemberId == m.Id && p.Year == year));
            foreach (var tierName in await unscored.Select(m => m.Tier).Distinct().ToListAsync(ct))
            {
                scored.AddRange(await unscored.Where(m => m.Tier == tierName).OrderBy(m => m.Id).Take(top)
                    .Select(m => new Candidate(m.Id, m.Name, m.Tier, m.Unit!.Name, m.Unit.Path, null, 0)).ToListAsync(ct));
            }
        }
        return WithBase(scored, standards).OrderByDescending(c => c.Score).ThenBy(c => c.Id).Take(top).ToList();
    }

    /// <summary>Ranks by the approved points of entries that occurred from <paramref name="from"/> to <paramref name="to"/>:
    /// the sums in one GROUP BY over the period's entries, then up to <paramref name="top"/> members without any, who stand
    /// at 0 above those whose deductions made the period negative. Equal points go by member id, as the truncated query of
    /// members without entries does.</summary>
    private async Task<List<Candidate>> ByPeriodAsync(IQueryable<Member> members, int year, DateOnly from, DateOnly to, int top,
        Standards standards, CancellationToken ct)
    {
        var entries = db.LedgerEntries.Where(e => e.Status == EntryStatus.Approved && e.Year == year && e.OccurredOn >= from && e.OccurredOn <= to);
        var sums = await entries.Where(e => members.Any(m => m.Id == e.MemberId))
            .GroupBy(e => e.MemberId).Select(g => new { MemberId = g.Key, Points = g.Sum(e => e.Granted) })
            .ToDictionaryAsync(g => g.MemberId, g => g.Points, ct);
        var best = sums.OrderByDescending(s => s.Value).ThenBy(s => s.Key).Take(top).Select(s => s.Key).ToList();
        var chosen = await Candidates(members.Where(m => best.Contains(m.Id)), year).ToListAsync(ct);
        chosen.AddRange(await Candidates(members.Where(m => !entries.Any(e => e.MemberId == m.Id)).OrderBy(m => m.Id).Take(top), year).ToListAsync(ct));
        return WithBase(chosen, standards).Select(c => c with { Points = sums.GetValueOrDefault(c.Id) })
            .OrderByDescending(c => c.Points).ThenBy(c => c.Id).Take(top).ToList();
    }

    private IQueryable<Candidate> Candidates(IQueryable<Member> members, int year) => members.Select(m => new Candidate(m.Id, m.Name, m.Tier,
        m.Unit!.Name, m.Unit.Path, db.MemberPoints.Where(p => p.MemberId == m.Id && p.Year == year).Select(p => (decimal?)p.AssessmentScore).FirstOrDefault(), 0));

    private static IEnumerable<Candidate> WithBase(IEnumerable<Candidate> candidates, Standards standards) =>
        candidates.Select(c => c with { Score = c.Score ?? standards.BaseOf(Unit.StreetOf(c.Path), c.Tier) });

    private sealed record Candidate(int Id, string Name, string Tier, string UnitName, string Path, decimal? Score, decimal Points);

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
