using Jishi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Duties;

/// <summary>Key-task figures other features read (the review's daily score, branch grading, the dashboard). It does not
/// scope by caller: the feature asking has already decided which units its caller may see.</summary>
public sealed class DutyFigures(JishiDbContext db)
{
    /// <summary>The completion rate (0–1, see <see cref="KeyTaskRules.Rate"/>) of each unit with key-task cells in
    /// <paramref name="year"/>; units without cells are absent.</summary>
    public async Task<IReadOnlyDictionary<int, decimal>> CompletionRatesAsync(int year, CancellationToken ct)
    {
        var cells = await db.KeyTaskCells.AsNoTracking().Where(c => db.KeyTasks.Any(t => t.Id == c.KeyTaskId && t.Year == year))
            .Select(c => new { c.UnitId, c.CompletedOn, c.Deadline }).ToListAsync(ct);
        return cells.GroupBy(c => c.UnitId).ToDictionary(g => g.Key, g => KeyTaskRules.Rate(g.Select(c => (c.CompletedOn, c.Deadline)))!.Value);
    }

    /// <summary>The completion rate of one unit in <paramref name="year"/>, or null when it had no key tasks.</summary>
    public async Task<decimal?> CompletionRateAsync(int unitId, int year, CancellationToken ct) =>
        (await CompletionRatesAsync(year, ct)).TryGetValue(unitId, out var rate) ? rate : null;
}
