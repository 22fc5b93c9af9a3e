using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.MemberEvaluation;

/// <summary>A branch's 民主评议党员 round of a year, one per branch and year, with the branch's active members taking part.</summary>
public sealed class CreateEvaluationRound(JishiDbContext db, CurrentUser user, TimeProvider clock, EvaluationRoundQueries queries)
{
    public sealed record CreateRequest(int UnitId, int Year, string? Title);

    public async Task<Result<RoundDto>> CreateAsync(CreateRequest r, CancellationToken ct)
    {
        if (await db.FindVisibleUnitAsync(user, r.UnitId, ct) is not { Kind: UnitKind.Branch } branch)
        {
            return Error.NotFound("Entity.Unit");
        }
        var problems = new List<FieldProblem>();
        if (r.Year is < Standings.MinYear or > Standings.MaxYear)
        {
            problems.Add(new("year", "Evaluation.YearRange", Standings.MinYear, Standings.MaxYear));
        }
        var title = string.IsNullOrWhiteSpace(r.Title) ? null : r.Title.Trim();
        if (title?.Length > EvaluationRound.MaxTitle)
        {
            problems.Add(new("title", "Evaluation.TitleTooLong", EvaluationRound.MaxTitle));
        }
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        if (await db.EvaluationRounds.AnyAsync(x => x.UnitId == branch.Id && x.Year == r.Year, ct))
        {
            return Error.Conflict("Evaluation.Exists", branch.Name, r.Year);
        }
        var round = new EvaluationRound(branch.Id, r.Year, title ?? $"{branch.Name}{r.Year}年度民主评议党员", user.UserName ?? "",
            clock.GetUtcNow().UtcDateTime);
        // Members of the branch and of its party groups; transferred-out and deceased members take no part.
        var members = await db.Members.AsNoTracking().Within(branch.Path).Where(m => m.Status == MemberStatus.Active)
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.Name, m.Category, m.Status }).ToListAsync(ct);
        round.Participants.AddRange(members.Select(m =>
            new EvaluationParticipant(m.Id, m.Name, EvaluationRules.IsGraded(m.Category, m.Status))));
        db.EvaluationRounds.Add(round);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return Error.Conflict("Evaluation.Exists", branch.Name, r.Year);
        }
        return await queries.DtoAsync(round, branch, ct);
    }
}
