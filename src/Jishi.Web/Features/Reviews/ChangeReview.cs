using Jishi.Web.Data;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Reviews;

/// <summary>Moves a campaign through its states and records daily-assessment scores.</summary>
public sealed class ChangeReview(JishiDbContext db, ReviewQueries queries)
{
    public Task<Result<ReviewDto>> OpenAsync(int id, CancellationToken ct) => TransitionAsync(id, c => c.Open(), ct);

    public Task<Result<ReviewDto>> CloseAsync(int id, CancellationToken ct) => TransitionAsync(id, c => c.Close(), ct);

    public Task<Result<ReviewDto>> PublishAsync(int id, CancellationToken ct) => TransitionAsync(id, c => c.Publish(), ct);

    public sealed record DailyScoreRequest(double Score);

    public async Task<Result<ReviewSubjectDto>> SetDailyScoreAsync(int id, int subjectId, DailyScoreRequest request, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } campaign || campaign.Subjects.FirstOrDefault(s => s.Id == subjectId) is not { } subject)
        {
            return Error.NotFound("Entity.ReviewSubject");
        }
        if (request.Score is < 0 or > 100 || double.IsNaN(request.Score))
        {
            return new ValidationError([new FieldProblem("score", "Review.DailyScoreRange")]);
        }
        if (campaign.Status == ReviewStatus.Published)
        {
            return ReviewErrors.WrongState(campaign.Status, "Review.Action.DailyScore");
        }
        subject.SetDailyScore(request.Score);
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
