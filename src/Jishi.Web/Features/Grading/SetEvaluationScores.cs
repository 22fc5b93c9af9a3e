using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Grading;

/// <summary>测评分 entered or imported for many branches of a round at once (e.g. from a satisfaction ballot), until
/// posting.</summary>
public sealed class SetEvaluationScores(JishiDbContext db, GradingRoundQueries queries)
{
    public sealed record EvaluationInput(int UnitId, decimal Score);

    public async Task<Result<RoundDto>> SetEvaluationsAsync(int id, IReadOnlyList<EvaluationInput> scores, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } round)
        {
            return Error.NotFound("Entity.GradingRound");
        }
        if (round.IsPublished)
        {
            return Error.Conflict("Grading.WrongStatus");
        }
        var gradings = await db.BranchGradings.Where(g => g.RoundId == id).ToDictionaryAsync(g => g.UnitId, ct);
        var problems = scores.Select((s, i) => (s, i))
            .Where(x => !gradings.ContainsKey(x.s.UnitId) || x.s.Score is < 0 or > 100)
            .Select(x => new FieldProblem($"[{x.i}].score", "Grading.EvaluationRange")).ToList();
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        foreach (var score in scores)
        {
            gradings[score.UnitId].SetEvaluation(GradingFormula.Round(score.Score));
        }
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(id, ct);
    }
}
