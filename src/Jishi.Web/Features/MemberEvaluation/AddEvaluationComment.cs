using Jishi.Web.Data;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.MemberEvaluation;

/// <summary>A signed peer comment (互评) on a participant, entered by staff while the round takes self-assessments or votes.</summary>
public sealed class AddEvaluationComment(JishiDbContext db, CurrentUser user, TimeProvider clock, EvaluationRoundQueries queries)
{
    public sealed record CommentRequest(int ParticipantId, string? AuthorName, string? Text);

    public async Task<Result<RoundDto>> CommentAsync(int id, CommentRequest r, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } found)
        {
            return EvaluationErrors.NotFound;
        }
        if (found.Round.Participants.All(p => p.Id != r.ParticipantId))
        {
            return EvaluationErrors.ParticipantNotFound;
        }
        if (found.Round.Status is not (EvaluationStatus.SelfAssessment or EvaluationStatus.Voting))
        {
            return EvaluationErrors.WrongState(found.Round.Status, "Evaluation.Action.Comment");
        }
        var author = r.AuthorName?.Trim() ?? "";
        var text = r.Text?.Trim() ?? "";
        var problems = new List<FieldProblem>();
        if (author.Length is 0 or > 50)
        {
            problems.Add(new("authorName", "Evaluation.AuthorRequired"));
        }
        if (text.Length is 0 or > EvaluationComment.MaxText)
        {
            problems.Add(new("text", "Evaluation.TextLength", EvaluationComment.MaxText));
        }
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        db.EvaluationComments.Add(new EvaluationComment(id, r.ParticipantId, author, text, user.UserName ?? "",
            clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        return await queries.DtoAsync(found.Round, found.Unit, ct);
    }
}
