using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Grading;

/// <summary>The street answers an objection raised against one of its rounds' posted grades.</summary>
public sealed class AnswerGradingObjection(JishiDbContext db, CurrentUser user, TimeProvider clock, GradingRoundQueries queries)
{
    public sealed record AnswerRequest(string? Answer);

    public async Task<Result<ObjectionDto>> AnswerAsync(int objectionId, AnswerRequest request, CancellationToken ct)
    {
        var street = await GradingScope.StreetIdAsync(db, user, ct);
        var objection = await db.GradingObjections.FirstOrDefaultAsync(o => o.Id == objectionId && db.BranchGradings.Any(g =>
            g.Id == o.BranchGradingId && db.GradingRounds.Any(r => r.Id == g.RoundId && r.StreetId == street)), ct);
        if (objection is null)
        {
            return Error.NotFound("Entity.GradingObjection");
        }
        if (string.IsNullOrWhiteSpace(request.Answer) || request.Answer.Trim().Length > GradingObjection.MaxText)
        {
            return new ValidationError([new("answer", "Grading.AnswerRequired", GradingObjection.MaxText)]);
        }
        objection.Reply(request.Answer.Trim(), user.UserName ?? "", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        var round = await db.BranchGradings.Where(g => g.Id == objection.BranchGradingId).Select(g => g.RoundId).SingleAsync(ct);
        return (await queries.ObjectionsAsync(round, ct)).Value!.Single(o => o.Id == objectionId);
    }
}
