using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Grading;

/// <summary>The branch submits its self-evaluation to its community: every basic indicator the branch scores (not the
/// automatic ones) has a score, and one that asks for evidence and scored above zero has a file.</summary>
public sealed class SubmitBranchSheet(JishiDbContext db, TimeProvider clock, BranchSheetStore store)
{
    public async Task<Result<BranchSheet>> SubmitAsync(int id, CancellationToken ct)
    {
        if (await store.LoadAsync(id, ct) is not { } loaded)
        {
            return Error.NotFound("Entity.BranchGrading");
        }
        if (!loaded.Round.TakesSelfEvaluation(loaded.Grading, clock.Today()))
        {
            return Error.Conflict("Grading.SelfEvaluationClosed");
        }
        var scores = loaded.Grading.Effective();
        var evidence = await db.GradingEvidence.Where(f => f.BranchGradingId == id).Select(f => f.IndicatorId).Distinct().ToListAsync(ct);
        var problems = new List<FieldProblem>();
        foreach (var indicator in loaded.Indicators.Where(i => i.AutoSource is null && !i.IsVeto).OrderBy(i => i.SortOrder))
        {
            var has = scores.TryGetValue(indicator.Id, out var score);
            if (!has && indicator.Kind == IndicatorKind.Basic)
            {
                problems.Add(new($"indicator{indicator.Id}", "Grading.ScoreMissing", indicator.Item));
            }
            else if (has && score!.Score > 0 && indicator.EvidenceRequired && !evidence.Contains(indicator.Id))
            {
                problems.Add(new($"indicator{indicator.Id}", "Grading.EvidenceMissing", indicator.Item));
            }
        }
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        loaded.Grading.Submit(store.By, store.Now);
        return await store.SaveAsync(loaded, ct);
    }
}
