using Jishi.Web.Shared;

namespace Jishi.Web.Features.Grading;

/// <summary>After the deadline only the street lets a branch edit again, while the round is in self-evaluation or community
/// review.</summary>
public sealed class ReopenBranchSheet(BranchSheetStore store)
{
    public sealed record ReopenRequest(string? Reason);

    public async Task<Result<BranchSheet>> ReopenAsync(int id, ReopenRequest request, CancellationToken ct)
    {
        if (await store.LoadAsync(id, ct) is not { } loaded)
        {
            return Error.NotFound("Entity.BranchGrading");
        }
        if (!store.CanDecide)
        {
            return new Error("Forbidden", StatusCodes.Status403Forbidden);
        }
        if (loaded.Round.Status is not (RoundStatus.SelfEvaluation or RoundStatus.CommunityReview)
            || loaded.Grading.Status == BranchStatus.Returned)
        {
            return Error.Conflict("Grading.WrongStatus");
        }
        loaded.Grading.Reopen(BranchSheetScores.Trimmed(request.Reason), store.By, store.Now);
        return await store.SaveAsync(loaded, ct);
    }
}
