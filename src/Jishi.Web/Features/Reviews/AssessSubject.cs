using Jishi.Web.Data;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Reviews;

/// <summary>What the committee records for one subject beside the ballots: the daily-assessment score, 点评 and a veto.
/// The campaign decides whether each is still allowed (fixed once the results are published).</summary>
public sealed class AssessSubject(JishiDbContext db, ReviewQueries queries)
{
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
}
