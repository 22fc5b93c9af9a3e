using Jishi.Web.Data;
using Jishi.Web.Shared;
using Jishi.Web.Features.Reviews.Sealing;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Reviews;

/// <summary>Moves a campaign through its states (the close and its tally: <see cref="CloseReview"/>) and changes a
/// draft's settings; what is recorded per subject is <see cref="AssessSubject"/>.</summary>
public sealed class ChangeReview(JishiDbContext db, ReviewQueries queries)
{
    /// <summary>Opens voting with the ballot key: the sum of the trustees' public shares, or a share the server makes and
    /// keeps until the tally when no trustee is named (ADR-015).</summary>
    public Task<Result<ReviewDto>> OpenAsync(int id, CancellationToken ct) => TransitionAsync(id, c =>
    {
        (byte[], string)? own = null;
        if (c.Trustees.Count == 0)
        {
            var share = TrusteeShare.Create();
            own = (share.Prove(SealedBallot.TrusteeContext(c.Id, "")).ToBytes(), share.ToText());
        }
        return c.Open(SealedBallot.JointKey, own);
    }, ct);

    public Task<Result<ReviewDto>> PublishAsync(int id, CancellationToken ct) => TransitionAsync(id, c => c.Publish(), ct);

    public sealed record DimensionsRequest(IReadOnlyList<string>? Names);

    /// <summary>PUT /api/reviews/{id}/dimensions: the items each subject is rated on (none: one overall grade), in Draft only.</summary>
    public Task<Result<ReviewDto>> SetDimensionsAsync(int id, DimensionsRequest request, CancellationToken ct) =>
        TransitionAsync(id, c => c.SetDimensions(request.Names ?? []), ct);

    public sealed record EditRequest(string? Title, DateOnly? MeetingDate, double? BallotWeight, IReadOnlyList<VoterGroupEdit>? VoterGroups);

    /// <summary>PUT /api/reviews/{id}: title, meeting date, share of the ballot (none given: unchanged) and voter groups of a
    /// draft, all at once (<see cref="ReviewCampaign.Revise"/>); a group tokens were issued for cannot be left out.</summary>
    public async Task<Result<ReviewDto>> EditAsync(int id, EditRequest request, CancellationToken ct)
    {
        var issued = (await db.BallotTokens.Where(t => t.CampaignId == id).Select(t => t.VoterGroupId).Distinct().ToListAsync(ct)).ToHashSet();
        return await TransitionAsync(id, c => c.Revise(request.Title, request.MeetingDate, request.BallotWeight, request.VoterGroups, issued), ct);
    }

    private async Task<Result<ReviewDto>> TransitionAsync(int id, Func<ReviewCampaign, Error?> move, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } campaign)
        {
            return Error.NotFound("Entity.Review");
        }
        if (move(campaign) is { } error)
        {
            return error;
        }
        await db.SaveChangesAsync(ct);
        return await queries.ToDtoAsync(campaign, ct);
    }
}
