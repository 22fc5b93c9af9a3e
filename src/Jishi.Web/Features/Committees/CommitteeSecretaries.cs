using Jishi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Committees;

/// <summary>Who a unit's 书记 is, for whatever names one (责任清单's 第一责任人, printed sheets): the current committee's
/// secretary, <see cref="Secretary.Vacant"/> when its post is empty; a unit with no committee recorded keeps the name typed
/// into its organization items.</summary>
public sealed class CommitteeSecretaries(JishiDbContext db)
{
    public sealed record Secretary(string? Name, bool Vacant);

    /// <summary>The secretaries of those of <paramref name="unitIds"/> that have a current committee; the others are absent.</summary>
    public async Task<IReadOnlyDictionary<int, Secretary>> OfUnitsAsync(IReadOnlyCollection<int> unitIds, CancellationToken ct)
    {
        var current = await db.Committees.AsNoTracking().Where(c => c.ClosedOn == null && unitIds.Contains(c.UnitId))
            .Select(c => new
            {
                c.UnitId,
                Name = c.Seats.Where(s => s.Post == CommitteePost.Secretary && s.MemberId != null)
                    .Select(s => db.Members.Where(m => m.Id == s.MemberId).Select(m => m.Name).FirstOrDefault()).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return current.ToDictionary(c => c.UnitId, c => new Secretary(c.Name, c.Name is null));
    }

    /// <summary>The secretary of one unit, or the name typed for it (<paramref name="typed"/>) when it has no committee.</summary>
    public async Task<Secretary> OfUnitAsync(int unitId, string? typed, CancellationToken ct) =>
        (await OfUnitsAsync([unitId], ct)).GetValueOrDefault(unitId) ?? new Secretary(typed, false);
}
