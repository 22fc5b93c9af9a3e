using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Reviews;

/// <summary>Reads campaigns of the streets inside the caller's subtree.</summary>
public sealed class ReviewQueries(JishiDbContext db, CurrentUser user)
{
    public async Task<IReadOnlyList<ReviewListItem>> ListAsync(CancellationToken ct)
    {
        var streets = await VisibleStreetsAsync(ct);
        return await db.ReviewCampaigns.AsNoTracking().Where(c => streets.Contains(c.StreetId))
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.Id)
            .Select(c => new ReviewListItem(c.Id, c.Title, c.Year, c.Status)).ToListAsync(ct);
    }

    public async Task<Result<ReviewDto>> GetAsync(int id, CancellationToken ct) =>
        await FindAsync(id, ct) is { } campaign ? await ToDtoAsync(campaign, ct) : Error.NotFound("Entity.Review");

    /// <summary>The campaign with its subjects, groups and dimensions, tracked, when the caller may see it.</summary>
    public async Task<ReviewCampaign?> FindAsync(int id, CancellationToken ct)
    {
        var streets = await VisibleStreetsAsync(ct);
        return await db.ReviewCampaigns.Include(c => c.Subjects).Include(c => c.VoterGroups).Include(c => c.Dimensions)
            .Include(c => c.Trustees).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id && streets.Contains(c.StreetId), ct);
    }

    public async Task<ReviewDto> ToDtoAsync(ReviewCampaign c, CancellationToken ct)
    {
        var unitIds = c.Subjects.Select(s => s.UnitId).ToList();
        var names = await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return new ReviewDto(c.Id, c.Title, c.Year, c.MeetingDate, c.Status, c.BallotWeight,
            c.Subjects.OrderBy(s => s.Id).Select(s => new ReviewSubjectDto(s.Id, s.Name, s.UnitId, names.GetValueOrDefault(s.UnitId, ""),
                s.DailyScore, s.Veto, s.Comment)).ToList(),
            c.VoterGroups.OrderBy(g => g.Id).Select(g => new VoterGroupDto(g.Id, g.Name, g.Weight, g.HeadCount)).ToList(),
            c.Dimensions.OrderBy(d => d.Order).Select(d => new ReviewDimensionDto(d.Id, d.Name)).ToList())
        {
            Trustees = c.Trustees.Where(t => !t.IsServer).OrderBy(t => t.Id).Select(t => new TrusteeDto(t.Id, t.Name)).ToList(),
            ServerHoldsKey = c.ServerHoldsKey,
            Actions = c.Actions,
        };
    }

    private async Task<List<int>> VisibleStreetsAsync(CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        return await db.Units.Within(scope).Where(u => u.Kind == UnitKind.Street).Select(u => u.Id).ToListAsync(ct);
    }
}
