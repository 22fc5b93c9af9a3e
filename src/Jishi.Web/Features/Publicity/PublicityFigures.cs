using Jishi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Publicity;

/// <summary>Publicity figures other features read (branch grading, the dashboard): the weighted count of a year's reports
/// (see <see cref="PublicityWeights"/>), removed ones left out. It does not scope by caller: the feature asking has already
/// decided which units its caller may see.</summary>
public sealed class PublicityFigures(JishiDbContext db, PublicityWeights weights)
{
    /// <summary>The weighted count of each unit's own reports (a community's without its branches'); units without any are absent.</summary>
    public async Task<IReadOnlyDictionary<int, decimal>> WeightedByUnitAsync(int year, CancellationToken ct) =>
        (await ItemsAsync(year, ct)).GroupBy(i => i.UnitId).ToDictionary(g => g.Key, g => g.Sum(i => weights.Of(i.Level)));

    /// <summary>The weighted count of the reports of a unit and the units below it (a community with its branches).</summary>
    public async Task<decimal> WeightedWithinAsync(int unitId, int year, CancellationToken ct)
    {
        var path = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(ct);
        if (path is null)
        {
            return 0;
        }
        var units = await db.Units.Within(path).Select(u => u.Id).ToListAsync(ct);
        return (await ItemsAsync(year, ct)).Where(i => units.Contains(i.UnitId)).Sum(i => weights.Of(i.Level));
    }

    private async Task<List<(int UnitId, OutletLevel Level)>> ItemsAsync(int year, CancellationToken ct)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return (await db.PublicityItems.AsNoTracking().Where(p => p.RemovedAt == null && p.PublishedOn >= from && p.PublishedOn <= to)
            .Select(p => new { p.UnitId, p.Level }).ToListAsync(ct)).Select(p => (p.UnitId, p.Level)).ToList();
    }
}
