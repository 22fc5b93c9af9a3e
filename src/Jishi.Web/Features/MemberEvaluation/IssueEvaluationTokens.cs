using Jishi.Web.Data;
using Jishi.Web.Features.Reviews;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.MemberEvaluation;

/// <summary>The voting tokens of a round, handed out at the branch meeting; only their hashes are stored.</summary>
public sealed class IssueEvaluationTokens(JishiDbContext db, EvaluationRoundQueries queries)
{
    public sealed record TokensRequest(int Count);

    /// <summary>One token per full member present, shown in clear only in this answer; never more than the eligible voters.</summary>
    public async Task<Result<IssuedTokens>> IssueTokensAsync(int id, TokensRequest r, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } found)
        {
            return EvaluationErrors.NotFound;
        }
        if (!found.Round.AcceptsTokens)
        {
            return EvaluationErrors.WrongState(found.Round.Status, "Evaluation.Action.IssueTokens");
        }
        var left = found.Round.EligibleVoters - await db.EvaluationTokens.CountAsync(t => t.RoundId == id, ct);
        if (r.Count < 1 || r.Count > left)
        {
            return new ValidationError([new FieldProblem("count", "Evaluation.TokenCount", left)]);
        }
        var tokens = Enumerable.Range(0, r.Count).Select(_ => BallotToken.NewToken()).ToList();
        db.EvaluationTokens.AddRange(tokens.Select(t => new EvaluationToken(id, BallotToken.HashOf(t))));
        await db.SaveChangesAsync(ct);
        return new IssuedTokens(tokens);
    }
}
