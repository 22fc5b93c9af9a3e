using Jishi.Web.Shared;

namespace Jishi.Web.Features.Grading;

/// <summary>The levels above the branch adjust its scores, each change with a reason: the community secretary (or the street)
/// reviews a submitted branch and forwards it to the street or returns it with a note; the street decides the final scores
/// and the 测评分.</summary>
public sealed class ReviewBranchSheet(BranchSheetStore store)
{
    public sealed record ReviewRequest(bool Forward, string? Note, IReadOnlyList<BranchSheetScores.ScoreInput>? Scores);

    public sealed record DecideRequest(decimal EvaluationScore, IReadOnlyList<BranchSheetScores.ScoreInput>? Scores);

    public Task<Result<BranchSheet>> ReviewAsync(int id, ReviewRequest request, CancellationToken ct) =>
        AdjustAsync(id, store.CanReview,
            l => l.Round.TakesCommunityReview && l.Grading.Status == BranchStatus.Submitted ? null : "Grading.NotSubmitted",
            request.Scores, !request.Forward && string.IsNullOrWhiteSpace(request.Note) ? new("note", "Grading.ReturnNoteRequired") : null,
            ScoreStage.Community, g => g.Review(request.Forward, BranchSheetScores.Trimmed(request.Note), store.By, store.Now), ct);

    public Task<Result<BranchSheet>> DecideAsync(int id, DecideRequest request, CancellationToken ct) =>
        AdjustAsync(id, store.CanDecide, l => l.Round.Status == RoundStatus.StreetDecision ? null : "Grading.NotDeciding",
            request.Scores, request.EvaluationScore is < 0 or > 100 ? new("evaluationScore", "Grading.EvaluationRange") : null,
            ScoreStage.Street, g => g.Decide(GradingFormula.Round(request.EvaluationScore), store.By, store.Now), ct);

    /// <summary>An adjustment at a stage above the branch: allowed to the caller's role, in the right state, every changed score
    /// with its reason; then <paramref name="finish"/> moves the branch on.</summary>
    private async Task<Result<BranchSheet>> AdjustAsync(int id, bool allowed, Func<BranchSheetStore.Loaded, string?> whyNot,
        IReadOnlyList<BranchSheetScores.ScoreInput>? scores, FieldProblem? problem, ScoreStage stage, Action<BranchGrading> finish,
        CancellationToken ct)
    {
        if (await store.LoadAsync(id, ct) is not { } loaded)
        {
            return Error.NotFound("Entity.BranchGrading");
        }
        if (!allowed)
        {
            return new Error("Forbidden", StatusCodes.Status403Forbidden);
        }
        if (whyNot(loaded) is { } why)
        {
            return Error.Conflict(why);
        }
        if (BranchSheetScores.Validate(loaded, scores ?? [], needReason: true, branch: false) is { } invalid)
        {
            return invalid;
        }
        if (problem is not null)
        {
            return new ValidationError([problem]);
        }
        BranchSheetScores.Apply(loaded, scores ?? [], stage, store.By, store.Now);
        finish(loaded.Grading);
        return await store.SaveAsync(loaded, ct);
    }
}
