using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Grading;

/// <summary>The street creates a year's grading round against an adopted indicator library, with its weights and shares: a
/// draft with one <see cref="BranchGrading"/> per open branch of the street.</summary>
public sealed class CreateGradingRound(JishiDbContext db, CurrentUser user, TimeProvider clock, GradingRoundQueries queries)
{
    public sealed record CreateRequest(int Year, int LibraryId, DateOnly Deadline, int? PostingDays = null, decimal? BasicWeight = null,
        decimal? EvaluationWeight = null, decimal? FiveStarShare = null, decimal? BottomShare = null);

    public async Task<Result<RoundDto>> CreateAsync(CreateRequest request, CancellationToken ct)
    {
        var street = await GradingScope.StreetIdAsync(db, user, ct);
        var library = await db.IndicatorLibraries.AsNoTracking()
            .FirstOrDefaultAsync(l => l.Id == request.LibraryId && l.StreetId == street, ct);
        if (street is not { } streetId || library is null)
        {
            return Error.NotFound("Entity.IndicatorLibrary");
        }
        var settings = new GradingSettings(request.BasicWeight ?? 0.7m, request.EvaluationWeight ?? 0.3m, request.FiveStarShare ?? 0.3m,
            request.BottomShare ?? GradingSettings.MinBottomShare);
        var problems = new List<FieldProblem>();
        if (library.Status != LibraryStatus.Adopted)
        {
            problems.Add(new("libraryId", "Grading.LibraryNotAdopted"));
        }
        if (request.Year is < 2000 or > 2100)
        {
            problems.Add(new("year", "Grading.YearRange"));
        }
        if (request.PostingDays is < 1 or > 30)
        {
            problems.Add(new("postingDays", "Grading.PostingDaysRange", 1, 30));
        }
        if (settings.BasicWeight < 0 || settings.EvaluationWeight < 0 || settings.BasicWeight + settings.EvaluationWeight != 1)
        {
            problems.Add(new("basicWeight", "Grading.WeightsSum"));
        }
        if (settings.FiveStarShare is <= 0 or > 1)
        {
            problems.Add(new("fiveStarShare", "Grading.ShareRange"));
        }
        if (settings.BottomShare is < GradingSettings.MinBottomShare or > GradingSettings.MaxBottomShare)
        {
            problems.Add(new("bottomShare", "Grading.BottomShareRange"));
        }
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        var streetPath = await db.Units.Where(u => u.Id == streetId).Select(u => u.Path).SingleAsync(ct);
        var round = new GradingRound(streetId, request.Year, library.Id, request.Deadline,
            request.PostingDays ?? GradingRound.DefaultPostingDays, settings, user.UserName ?? "", clock.GetUtcNow().UtcDateTime);
        db.GradingRounds.Add(round);
        await db.SaveChangesAsync(ct);
        var branches = await db.Units.Within(streetPath).Where(u => u.Kind == UnitKind.Branch && !u.IsArchived).Select(u => u.Id)
            .ToListAsync(ct);
        db.BranchGradings.AddRange(branches.Select(b => new BranchGrading(round.Id, b)));
        await db.SaveChangesAsync(ct);
        return (await queries.GetAsync(round.Id, ct))!;
    }
}
