using Jishi.Web.Data;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Files;

namespace Jishi.Web.Features.Grading;

/// <summary>The branch's self-evaluation before it submits: its scores (saved as often as it likes while the round takes
/// them) and the evidence for each indicator, which the community and the street may add to until the round is
/// published.</summary>
public sealed class FillBranchSheet(JishiDbContext db, TimeProvider clock, BranchSheetStore store)
{
    public sealed record ScoresRequest(IReadOnlyList<BranchSheetScores.ScoreInput> Scores);

    public async Task<Result<BranchSheet>> SelfEvaluateAsync(int id, ScoresRequest request, CancellationToken ct)
    {
        if (await store.LoadAsync(id, ct) is not { } loaded)
        {
            return Error.NotFound("Entity.BranchGrading");
        }
        if (!loaded.Round.TakesSelfEvaluation(loaded.Grading, clock.Today()))
        {
            return Error.Conflict("Grading.SelfEvaluationClosed");
        }
        if (BranchSheetScores.Validate(loaded, request.Scores, needReason: false, branch: true) is { } invalid)
        {
            return invalid;
        }
        BranchSheetScores.Apply(loaded, request.Scores, ScoreStage.Self, store.By, store.Now);
        return await store.SaveAsync(loaded, ct);
    }

    public async Task<Result<BranchSheet>> AddEvidenceAsync(int id, int indicatorId, UploadedFile file, CancellationToken ct)
    {
        if (await store.LoadAsync(id, ct) is not { } loaded)
        {
            return Error.NotFound("Entity.BranchGrading");
        }
        if (loaded.Round.IsPublished
            || !(loaded.Round.TakesSelfEvaluation(loaded.Grading, clock.Today()) || store.CanReview || store.CanDecide))
        {
            return Error.Conflict("Grading.SelfEvaluationClosed");
        }
        if (loaded.Indicators.All(i => i.Id != indicatorId))
        {
            return new ValidationError([new("indicatorId", "Grading.UnknownIndicator")]);
        }
        var checkedFile = await file.CheckAsync(FileKinds.Documents, ct);
        if (checkedFile.Error is { } refused)
        {
            return refused;
        }
        var (name, type, content) = checkedFile.Value!;
        db.GradingEvidence.Add(new GradingEvidence(id, indicatorId, name, type, content, store.By, store.Now));
        return await store.SaveAsync(loaded, ct);
    }
}
