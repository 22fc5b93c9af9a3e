using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.MemberEvaluation;

/// <summary>A round through its stages: Draft → 自评 → 投票 → 计票结束 one step at a time, then the branch meeting's decision
/// on each graded member once the vote had its quorum, or a second vote when it had not.</summary>
public sealed class AdvanceEvaluationRound(JishiDbContext db, CurrentUser user, TimeProvider clock, EvaluationRoundQueries queries)
{
    public sealed record GradeChoice(int ParticipantId, MemberGrade Grade);

    public sealed record DecisionRequest(DateOnly? MeetingDate, IReadOnlyList<GradeChoice>? Grades);

    public async Task<Result<RoundDto>> AdvanceAsync(int id, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } found)
        {
            return EvaluationErrors.NotFound;
        }
        if (!found.Round.TryAdvance())
        {
            return EvaluationErrors.WrongState(found.Round.Status, "Evaluation.Action.Advance");
        }
        if (await SaveAsync(ct) is { } conflict)
        {
            return conflict;
        }
        return await queries.DtoAsync(found.Round, found.Unit, ct);
    }

    public async Task<Result<RoundDto>> DecideAsync(int id, DecisionRequest r, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } found)
        {
            return EvaluationErrors.NotFound;
        }
        var round = found.Round;
        if (round.Status != EvaluationStatus.Closed)
        {
            return EvaluationErrors.WrongState(round.Status, "Evaluation.Action.Decide");
        }
        var turnout = await queries.TurnoutOfAsync(round, ct);
        if (!turnout.QuorumMet)
        {
            return Error.Conflict("Evaluation.NoQuorum", turnout.BallotsCast, turnout.EligibleVoters, turnout.Quorum);
        }
        var choices = r.Grades ?? [];
        var problems = new List<FieldProblem>();
        if (r.MeetingDate is null)
        {
            problems.Add(new("meetingDate", "Evaluation.MeetingDateRequired"));
        }
        if (choices.GroupBy(c => c.ParticipantId).Any(g => g.Count() > 1))
        {
            problems.Add(new("grades", "Evaluation.DuplicateGrade"));
        }
        var grades = choices.DistinctBy(c => c.ParticipantId).ToDictionary(c => c.ParticipantId, c => c.Grade);
        problems.AddRange(EvaluationRules.CheckDecision(round.Participants.Where(p => p.IsGraded).Select(p => p.Id).ToHashSet(), grades));
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        round.Decide(grades, r.MeetingDate!.Value, user.UserName ?? "", clock.GetUtcNow().UtcDateTime);
        if (await SaveAsync(ct) is { } conflict)
        {
            return conflict;
        }
        return await queries.DtoAsync(round, found.Unit, ct);
    }

    /// <summary>重新投票: a closed round whose vote missed its quorum votes again, with new tokens; the first vote's tokens are
    /// void and its counts discarded, in one transaction.</summary>
    public async Task<Result<RoundDto>> RevoteAsync(int id, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } found)
        {
            return EvaluationErrors.NotFound;
        }
        var turnout = await queries.TurnoutOfAsync(found.Round, ct);
        if (found.Round.Revote(turnout.QuorumMet) is { } refused)
        {
            return refused;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.EvaluationTokens.Where(t => t.RoundId == id).ExecuteDeleteAsync(ct);
        if (await SaveAsync(ct) is { } conflict)
        {
            return conflict;
        }
        await tx.CommitAsync(ct);
        return await queries.DtoAsync(found.Round, found.Unit, ct);
    }

    /// <summary>Null when saved; a round moved on by someone else meanwhile answers 409.</summary>
    private async Task<Error?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("Evaluation.ChangedMeanwhile");
        }
    }
}
