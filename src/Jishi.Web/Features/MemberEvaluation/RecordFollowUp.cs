using Jishi.Web.Data;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.MemberEvaluation;

/// <summary>限期改正 of a member the branch decided 不合格: the deadline, the measures, and in the end the outcome.</summary>
public sealed class RecordFollowUp(JishiDbContext db, CurrentUser user, EvaluationRoundQueries queries)
{
    public sealed record FollowUpRequest(DateOnly? Deadline, string? Measures, FollowUpOutcome? Outcome, string? Note);

    public async Task<Result<RoundDto>> FollowUpAsync(int id, int participantId, FollowUpRequest r, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } found)
        {
            return EvaluationErrors.NotFound;
        }
        if (found.Round.Participants.FirstOrDefault(p => p.Id == participantId) is not { } participant)
        {
            return EvaluationErrors.ParticipantNotFound;
        }
        if (participant.Decided != MemberGrade.Unqualified)
        {
            return Error.Conflict("Evaluation.FollowUpOnlyUnqualified", participant.Name);
        }
        var measures = r.Measures?.Trim() ?? "";
        var problems = new List<FieldProblem>();
        if (r.Deadline is null)
        {
            problems.Add(new("deadline", "Evaluation.DeadlineRequired"));
        }
        if (measures.Length is 0 or > EvaluationParticipant.MaxText)
        {
            problems.Add(new("measures", "Evaluation.TextLength", EvaluationParticipant.MaxText));
        }
        if (r.Note?.Length > EvaluationParticipant.MaxText)
        {
            problems.Add(new("note", "Evaluation.TextLength", EvaluationParticipant.MaxText));
        }
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        participant.RecordFollowUp(r.Deadline!.Value, measures, r.Outcome, string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(),
            user.UserName ?? "");
        await db.SaveChangesAsync(ct);
        return await queries.DtoAsync(found.Round, found.Unit, ct);
    }
}
