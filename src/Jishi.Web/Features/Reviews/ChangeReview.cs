using Jishi.Web.Data;
using Jishi.Web.Shared;
using Jishi.Web.Features.Reviews.Sealing;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Reviews;

/// <summary>Moves a campaign through its states (the close and its tally: <see cref="CloseReview"/>), changes a draft's
/// settings and records daily-assessment scores.</summary>
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

    public sealed record DailyScoreRequest(double Score);

    public Task<Result<ReviewSubjectDto>> SetDailyScoreAsync(int id, int subjectId, DailyScoreRequest request, CancellationToken ct) =>
        ChangeSubjectAsync(id, subjectId, ct, (campaign, subject) => campaign.SetDailyScore(subject, request.Score));

    public sealed record CommentRequest(string? Text);

    /// <summary>点评: written during or after the meeting, fixed once the results are published.</summary>
    public Task<Result<ReviewSubjectDto>> SetCommentAsync(int id, int subjectId, CommentRequest request, CancellationToken ct) =>
        ChangeSubjectAsync(id, subjectId, ct, (campaign, subject) => campaign.SetComment(subject, request.Text));

    public sealed record VetoRequest(bool Veto);

    /// <summary>An automatic 差 for a veto item (e.g. a major incident); the band follows, the scores stay as counted.</summary>
    public Task<Result<ReviewSubjectDto>> SetVetoAsync(int id, int subjectId, VetoRequest request, CancellationToken ct) =>
        ChangeSubjectAsync(id, subjectId, ct, (campaign, subject) => campaign.SetVeto(subject, request.Veto));

    private async Task<Result<ReviewSubjectDto>> ChangeSubjectAsync(int id, int subjectId, CancellationToken ct,
        Func<ReviewCampaign, ReviewSubject, Error?> change)
    {
        if (await queries.FindAsync(id, ct) is not { } campaign || campaign.Subjects.FirstOrDefault(s => s.Id == subjectId) is not { } subject)
        {
            return Error.NotFound("Entity.ReviewSubject");
        }
        if (change(campaign, subject) is { } error)
        {
            return error;
        }
        await db.SaveChangesAsync(ct);
        return (await queries.ToDtoAsync(campaign, ct)).Subjects.First(s => s.Id == subjectId);
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
