using Jishi.Web.Data;
using Jishi.Web.Features.Reviews;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.MemberEvaluation;

/// <summary>The anonymous ballot behind a token: every graded member of the round gets exactly one of the four grades.
/// One token, one ballot, enforced by <see cref="EvaluationBallotWriter"/> inside the transaction that counts it.</summary>
public sealed class EvaluationBallots(JishiDbContext db, EvaluationBallotWriter writer)
{
    public sealed record BallotMember(int ParticipantId, string Name);

    public sealed record Form(int RoundId, string Title, string UnitName, IReadOnlyList<BallotMember> Members);

    public sealed record Choice(int ParticipantId, MemberGrade Grade);

    public sealed record Request(IReadOnlyList<Choice>? Grades);

    public async Task<Result<Form>> GetFormAsync(string token, CancellationToken ct)
    {
        if (await FindAsync(token, ct) is not { } found)
        {
            return EvaluationErrors.UnknownToken;
        }
        if (Refusal(found.Token, found.Round) is { } refused)
        {
            return refused;
        }
        var unitName = await db.Units.Where(u => u.Id == found.Round.UnitId).Select(u => u.Name).FirstAsync(ct);
        return new Form(found.Round.Id, found.Round.Title, unitName,
            found.Round.Participants.Where(p => p.IsGraded).OrderBy(p => p.Id).Select(p => new BallotMember(p.Id, p.Name)).ToList());
    }

    public async Task<Result<bool>> CastAsync(string token, Request request, CancellationToken ct)
    {
        if (await FindAsync(token, ct) is not { } found)
        {
            return EvaluationErrors.UnknownToken;
        }
        if (Refusal(found.Token, found.Round) is { } refused)
        {
            return refused;
        }
        var choices = request.Grades ?? [];
        var graded = found.Round.Participants.Where(p => p.IsGraded).ToList();
        var problems = new List<FieldProblem>();
        if (choices.Any(c => graded.All(p => p.Id != c.ParticipantId)) || choices.GroupBy(c => c.ParticipantId).Any(g => g.Count() > 1))
        {
            problems.Add(new("grades", "Evaluation.BallotUnknownMember"));
        }
        var missing = graded.Where(p => choices.All(c => c.ParticipantId != p.Id)).Select(p => p.Name).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new("grades", "Evaluation.MissingMembers", string.Join("、", missing)));
        }
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        var pending = new EvaluationBallotWriter.Pending(found.Token.Id, found.Round.Id, choices.ToDictionary(c => c.ParticipantId, c => c.Grade));
        return await writer.WriteAsync(pending, ct) is { } error ? error : true;
    }

    private static Error? Refusal(EvaluationToken token, EvaluationRound round) =>
        token.Used ? EvaluationErrors.TokenUsed : !round.AcceptsBallots ? EvaluationErrors.NotOpen : null;

    private async Task<(EvaluationToken Token, EvaluationRound Round)?> FindAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64)
        {
            return null;
        }
        var hash = BallotToken.HashOf(token);
        var found = await db.EvaluationTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash, ct);
        if (found is null)
        {
            return null;
        }
        var round = await db.EvaluationRounds.AsNoTracking().Include(r => r.Participants).FirstAsync(r => r.Id == found.RoundId, ct);
        return (found, round);
    }
}
