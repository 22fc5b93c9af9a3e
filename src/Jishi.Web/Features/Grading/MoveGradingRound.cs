using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Grading;

/// <summary>The steps of a round (<see cref="GradingRound.MoveTo"/>): entering the street's decision fills the automatic
/// items; posting requires every branch decided with its 测评分 and grades them all at once (the formula applied once, its
/// outcome stored).</summary>
public sealed class MoveGradingRound(JishiDbContext db, CurrentUser user, TimeProvider clock, AutoScores autoScores,
    GradingRoundQueries queries)
{
    public async Task<Result<RoundDto>> MoveAsync(int id, RoundStatus to, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } round)
        {
            return Error.NotFound("Entity.GradingRound");
        }
        var today = clock.Today();
        var unanswered = await queries.UnansweredAsync(id, ct);
        if (round.WhyNotChangeable(to, today, unanswered) is { } why)
        {
            return Error.Conflict(why, round.PostingEndsOn?.ToString("yyyy-MM-dd") ?? "", unanswered);
        }
        if (to == RoundStatus.StreetDecision)
        {
            await autoScores.FillAsync(round, user.UserName ?? "", clock.GetUtcNow().UtcDateTime, ct);
        }
        if (to == RoundStatus.Posted)
        {
            var gradings = await db.BranchGradings.Include(g => g.Scores).Where(g => g.RoundId == id).ToListAsync(ct);
            var undecided = gradings.Count(g => g.Status != BranchStatus.Decided || g.EvaluationScore is null);
            if (undecided > 0)
            {
                return Error.Conflict("Grading.Undecided", undecided);
            }
            var indicators = await db.Indicators.AsNoTracking().Where(i => i.LibraryId == round.LibraryId).ToListAsync(ct);
            var inputs = gradings.ToDictionary(g => g.Id, g => g.Input(indicators));
            foreach (var outcome in GradingFormula.Grade([.. inputs.Values], round.Settings))
            {
                gradings.Single(g => g.Id == outcome.Key).Publish(inputs[outcome.Key], outcome);
            }
        }
        round.MoveTo(to, today, unanswered, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("Grading.WrongStatus");
        }
        return await queries.GetAsync(id, ct);
    }
}
