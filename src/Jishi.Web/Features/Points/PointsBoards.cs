using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Points;

/// <summary>One member's standing in a year, under the member's branch (a party group's parent): the stored score (the tier's base while the member has no balance row),
/// stars and the first star threshold of the member's rule set.</summary>
public sealed record Standing(int MemberId, string Name, string Tier, int UnitId, string UnitName, decimal Score, int Stars,
    bool Vetoed, decimal Threshold, bool Exempt);

/// <summary>GET /api/points/warnings: a member below the first star threshold (不合格) or within
/// <see cref="Standings.WatchMargin"/> of it (关注), with the branch.</summary>
public sealed record WarningRow(int MemberId, string Name, string Tier, int UnitId, string UnitName, decimal AssessmentScore,
    int StarLevel, decimal Threshold, bool Unqualified);

public sealed record YearEndRow(int Rank, int MemberId, string Name, string Tier, string UnitName, decimal AssessmentScore,
    int StarLevel, bool Vetoed, YearEndBand Band);

public sealed record YearEndSheet(int UnitId, string UnitName, int Year, IReadOnlyList<YearEndRow> Rows);

public sealed record StarBoardMember(string Name, decimal Score);

public sealed record StarBoardGroup(int Stars, IReadOnlyList<StarBoardMember> Members);

/// <summary>The public 公示栏 of a branch or community: names, scores and stars only.</summary>
public sealed record StarBoard(string UnitName, int Year, IReadOnlyList<StarBoardGroup> Groups);

/// <summary>Boards computed from the balance rows and the ledger, never stored: the star board, low-score warnings and the
/// year-end 积分考评 sheet. Scope as everywhere: the caller's subtree, except the public star board.</summary>
public sealed class PointsBoards(JishiDbContext db, CurrentUser user, TimeProvider clock, RuleSetLookup rules)
{
    public sealed record ScopeRequest(int? UnitId = null, int? Year = null);

    /// <summary>Members of the caller's subtree whose score warrants a warning, lowest first.</summary>
    public async Task<Result<IReadOnlyList<WarningRow>>> WarningsAsync(ScopeRequest r, CancellationToken ct)
    {
        if (await ScopeOfAsync(r.UnitId, ct) is not { } unit)
        {
            return Error.NotFound("Entity.Unit");
        }
        var standings = await StandingsAsync(unit.Path, YearOf(r.Year), ct);
        return standings.Where(s => !s.Exempt && Standings.NeedsWarning(s.Score, s.Threshold))
            .OrderBy(s => s.Score).ThenBy(s => s.MemberId)
            .Select(s => new WarningRow(s.MemberId, s.Name, s.Tier, s.UnitId, s.UnitName, s.Score, s.Stars, s.Threshold, s.Score < s.Threshold))
            .ToList();
    }

    /// <summary>Every active member of the unit's subtree with score, stars, rank and the suggested band.</summary>
    public async Task<Result<YearEndSheet>> YearEndAsync(ScopeRequest r, CancellationToken ct)
    {
        if (await ScopeOfAsync(r.UnitId, ct) is not { } unit)
        {
            return Error.NotFound("Entity.Unit");
        }
        var year = YearOf(r.Year);
        var standings = await StandingsAsync(unit.Path, year, ct);
        // Exempted members (免评) are neither ranked nor counted for the 优秀 quota; they follow the ranked ones, rank 0.
        var sorted = standings.Where(s => !s.Exempt).OrderByDescending(s => s.Score).ThenBy(s => s.MemberId).ToList();
        var ranks = Standings.Ranks(sorted.Select(s => s.Score).ToList());
        var rows = sorted.Select((s, i) => new YearEndRow(ranks[i], s.MemberId, s.Name, s.Tier, s.UnitName, s.Score, s.Stars, s.Vetoed,
            Standings.Suggest(s.Score, s.Stars, s.Vetoed, ranks[i], sorted.Count)))
            .Concat(standings.Where(s => s.Exempt).OrderBy(s => s.MemberId)
                .Select(s => new YearEndRow(0, s.MemberId, s.Name, s.Tier, s.UnitName, s.Score, s.Stars, s.Vetoed, YearEndBand.Exempt)))
            .ToList();
        return new YearEndSheet(unit.Id, unit.Name, year, rows);
    }

    /// <summary>The public star board of a branch or community: members with at least one star, grouped ★★★★★ first. Members
    /// below the first star, and exempted ones (免评, not assessed), are left off a public notice; the warnings list is where their secretary sees them.</summary>
    public async Task<StarBoard?> StarBoardAsync(int unitId, int year, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking()
            .FirstOrDefaultAsync(u => u.Id == unitId && !u.IsArchived && (u.Kind == UnitKind.Branch || u.Kind == UnitKind.Community), ct);
        if (unit is null)
        {
            return null;
        }
        var groups = (await StandingsAsync(unit.Path, year, ct)).Where(s => s.Stars > 0 && !s.Exempt)
            .GroupBy(s => s.Stars).OrderByDescending(g => g.Key)
            .Select(g => new StarBoardGroup(g.Key, g.OrderByDescending(s => s.Score).ThenBy(s => s.MemberId)
                .Select(s => new StarBoardMember(s.Name, s.Score)).ToList()))
            .ToList();
        return new StarBoard(unit.Name, year, groups);
    }

    /// <summary>Active members under <paramref name="path"/> who had joined by the year's end with their year's standing, in one query plus the year's
    /// rule sets.</summary>
    private async Task<List<Standing>> StandingsAsync(string path, int year, CancellationToken ct)
    {
        var rows = await (
            from m in db.Members.AsNoTracking().Within(path).ScoredIn(year)
            where m.Status == MemberStatus.Active
            join p in db.MemberPoints.Where(p => p.Year == year) on m.Id equals p.MemberId into balances
            from p in balances.DefaultIfEmpty()
            select new
            {
                m.Id, m.Name, m.Tier, m.Unit!.Path,
                // A party group's members are listed under its branch.
                BranchId = m.Unit.Kind == UnitKind.PartyGroup ? m.Unit.ParentId!.Value : m.UnitId,
                BranchName = m.Unit.Kind == UnitKind.PartyGroup ? m.Unit.Parent!.Name : m.Unit.Name,
                Score = p == null ? (decimal?)null : p.AssessmentScore,
                Vetoes = p == null ? 0 : p.Vetoes,
            }).ToListAsync(ct);
        var standards = await rules.StandardsAsync(year, ct);
        var exempt = (await db.Exemptions.AsNoTracking().Where(x => x.Year == year).Select(x => x.MemberId).ToListAsync(ct)).ToHashSet();
        return rows.Select(m =>
        {
            var street = Unit.StreetOf(m.Path);
            var stars = standards.StarsOf(street, m.Tier);
            var score = m.Score ?? standards.BaseOf(street, m.Tier);
            return new Standing(m.Id, m.Name, m.Tier, m.BranchId, m.BranchName, score, stars.StarsFor(score), m.Vetoes > 0, stars.Thresholds[0],
                exempt.Contains(m.Id));
        }).ToList();
    }

    private async Task<Unit?> ScopeOfAsync(int? unitId, CancellationToken ct)
    {
        if (unitId is { } id)
        {
            return await db.FindVisibleUnitAsync(user, id, ct);
        }
        var scope = await user.ScopePathAsync(ct);
        return scope == "/"
            ? await db.Units.AsNoTracking().Where(u => u.ParentId == null).OrderBy(u => u.Id).FirstOrDefaultAsync(ct)
            : await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Path == scope, ct);
    }

    private int YearOf(int? year) => year ?? Today().Year;

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
