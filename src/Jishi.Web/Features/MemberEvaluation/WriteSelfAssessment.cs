using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.MemberEvaluation;

/// <summary>A participant's self-assessment (自评), written while the round takes them: by staff for any participant of a round
/// they see, or by a member for themself in the round of their branch (the member comes from the account, never the request).</summary>
public sealed class WriteSelfAssessment(JishiDbContext db, CurrentUser user, TimeProvider clock, EvaluationRoundQueries queries)
{
    public sealed record TextRequest(string? Text);

    public async Task<Result<RoundDto>> SelfAssessAsync(int id, int participantId, TextRequest r, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } found)
        {
            return EvaluationErrors.NotFound;
        }
        if (found.Round.Participants.FirstOrDefault(p => p.Id == participantId) is not { } participant)
        {
            return EvaluationErrors.ParticipantNotFound;
        }
        if (await WriteAsync(found.Round, participant, r.Text, ct) is { } refused)
        {
            return refused;
        }
        return await queries.DtoAsync(found.Round, found.Unit, ct);
    }

    /// <summary>The round of the caller's own branch that takes self-assessments, for a member's account; null when none.</summary>
    public async Task<MySelfAssessment?> MineAsync(CancellationToken ct)
    {
        if (await MyParticipationAsync(ct) is not { } mine)
        {
            return null;
        }
        var unitName = await db.Units.Where(u => u.Id == mine.Round.UnitId).Select(u => u.Name).FirstAsync(ct);
        return new MySelfAssessment(mine.Round.Id, mine.Round.Title, mine.Round.Year, unitName, mine.Participant.SelfAssessment);
    }

    public async Task<Result<MySelfAssessment>> WriteMineAsync(TextRequest r, CancellationToken ct)
    {
        if (await MyParticipationAsync(ct) is not { } mine)
        {
            return EvaluationErrors.NotFound;
        }
        if (await WriteAsync(mine.Round, mine.Participant, r.Text, ct) is { } refused)
        {
            return refused;
        }
        return (await MineAsync(ct))!;
    }

    private async Task<(EvaluationRound Round, EvaluationParticipant Participant)?> MyParticipationAsync(CancellationToken ct)
    {
        // The member bound to the account, never one named in the request.
        var memberId = user.UserName is { } name
            ? await db.Users.Where(u => u.UserName == name).Select(u => u.MemberId).FirstOrDefaultAsync(ct)
            : null;
        if (memberId is null)
        {
            return null;
        }
        var round = await db.EvaluationRounds.Include(x => x.Participants)
            .Where(x => x.Status == EvaluationStatus.SelfAssessment && x.Participants.Any(p => p.MemberId == memberId))
            .OrderByDescending(x => x.Year).FirstOrDefaultAsync(ct);
        return round is null ? null : (round, round.Participants.Single(p => p.MemberId == memberId));
    }

    private async Task<Error?> WriteAsync(EvaluationRound round, EvaluationParticipant participant, string? text, CancellationToken ct)
    {
        if (!round.AcceptsSelfAssessments)
        {
            return EvaluationErrors.WrongState(round.Status, "Evaluation.Action.SelfAssess");
        }
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length is 0 or > EvaluationParticipant.MaxText)
        {
            return new ValidationError([new FieldProblem("text", "Evaluation.TextLength", EvaluationParticipant.MaxText)]);
        }
        participant.WriteSelfAssessment(trimmed, user.UserName ?? "", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return null;
    }
}
