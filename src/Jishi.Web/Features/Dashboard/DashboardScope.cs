using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Dashboard;

/// <summary>What every panel is computed for: the caller's subtree, the year, today, and the groups figures are broken down by
/// (the communities of the subtree; a caller below community level gets its own unit as the one group).</summary>
public sealed class DashboardScope(string path, int year, DateOnly today, TimeZoneInfo zone, IReadOnlyList<DashboardGroup> groups,
    IReadOnlyDictionary<int, int> groupOfUnit)
{
    public string Path => path;
    public int Year => year;
    public DateOnly Today => today;
    public IReadOnlyList<DashboardGroup> Groups => groups;

    /// <summary>The group a unit of the subtree counts under; null for a unit outside it.</summary>
    public int? GroupOf(int unitId) => groupOfUnit.TryGetValue(unitId, out var g) ? g : null;

    /// <summary>The year's bounds in UTC, months of the street's calendar being what the committee counts by.</summary>
    public (DateTime From, DateTime To) YearInUtc =>
        (TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, 1, 1), zone), TimeZoneInfo.ConvertTimeToUtc(new DateTime(year + 1, 1, 1), zone));

    /// <summary>Hours to add to a stored UTC instant to get local time; constant over the year (China keeps no summer time).</summary>
    public double UtcOffsetHours => zone.GetUtcOffset(new DateTime(year, 7, 1)).TotalHours;

    /// <summary>One row per group, figures summed by the group of their unit; units outside the scope are dropped.</summary>
    public IReadOnlyList<(DashboardGroup Group, T[] Sums)> SumByGroup<T>(IEnumerable<(int UnitId, T[] Values)> rows, int width)
        where T : System.Numerics.INumber<T>
    {
        var sums = groups.ToDictionary(g => g.Id, _ => Enumerable.Repeat(T.Zero, width).ToArray());
        foreach (var (unitId, values) in rows)
        {
            if (GroupOf(unitId) is { } g)
            {
                for (var i = 0; i < width; i++)
                {
                    sums[g][i] += values[i];
                }
            }
        }
        return groups.Select(g => (g, sums[g.Id])).ToList();
    }
}

public sealed record DashboardGroup(int Id, string Name);

/// <summary>Builds the <see cref="DashboardScope"/> of the caller.</summary>
public sealed class DashboardScopes(JishiDbContext db, CurrentUser user, TimeProvider clock)
{
    /// <param name="year">The year asked for; without one, the latest year with points (the demo's 2016), else this year.</param>
    public async Task<DashboardScope> ForAsync(int? year, CancellationToken ct)
    {
        var path = await user.ScopePathAsync(ct);
        var units = await db.Units.AsNoTracking().Within(path).OrderBy(u => u.SortOrder).ThenBy(u => u.Id)
            .Select(u => new { u.Id, u.Name, u.Path, u.Kind, u.IsArchived }).ToListAsync(ct);
        var groups = units.Where(u => u.Kind == UnitKind.Community && !u.IsArchived).Select(u => new DashboardGroup(u.Id, u.Name)).ToList();
        if (groups.Count == 0 && units.FirstOrDefault(u => u.Path == path) is { } own)
        {
            groups.Add(new DashboardGroup(own.Id, own.Name));
        }
        var ids = groups.Select(g => g.Id).ToHashSet();
        var groupOfUnit = new Dictionary<int, int>();
        foreach (var u in units)
        {
            if (Unit.IdsOf(u.Path).FirstOrDefault(ids.Contains) is var g and > 0)
            {
                groupOfUnit[u.Id] = g;
            }
        }
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        year ??= await LatestYearAsync(path, ct) ?? today.Year;
        return new DashboardScope(path, year.Value, today, clock.LocalTimeZone, groups, groupOfUnit);
    }

    private async Task<int?> LatestYearAsync(string path, CancellationToken ct) =>
        await (from p in db.MemberPoints
               join m in db.Members.Within(path) on p.MemberId equals m.Id
               select (int?)p.Year).MaxAsync(ct);
}
