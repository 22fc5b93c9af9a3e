using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Grading;

/// <summary>The street's grading rounds: creation (one <see cref="BranchGrading"/> per open branch of the street), the
/// steps of the round, the 测评分 import, posting (the formula applied once, its outcome stored) and the answers to
/// objections.</summary>
public sealed class GradingRounds(JishiDbContext db, CurrentUser user, TimeProvider clock, GradingResults results, AutoScores autoScores)
{
    public sealed record CreateRequest(int Year, int LibraryId, DateOnly Deadline, int? PostingDays = null, decimal? BasicWeight = null,
        decimal? EvaluationWeight = null, decimal? FiveStarShare = null, decimal? BottomShare = null);

    public sealed record EvaluationInput(int UnitId, decimal Score);

    public sealed record AnswerRequest(string? Answer);

    public async Task<IReadOnlyList<RoundSummary>> ListAsync(CancellationToken ct)
    {
        var street = await GradingScope.StreetIdAsync(db, user, ct);
        var rounds = await db.GradingRounds.AsNoTracking().Where(r => r.StreetId == street).ToListAsync(ct);
        var ids = rounds.Select(r => r.Id).ToList();
        var counts = await db.BranchGradings.AsNoTracking().Where(g => ids.Contains(g.RoundId))
            .GroupBy(g => new { g.RoundId, g.Status }).Select(g => new { g.Key.RoundId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        int Count(int round, Func<BranchStatus, bool> which) => counts.Where(c => c.RoundId == round && which(c.Status)).Sum(c => c.Count);
        return rounds.OrderByDescending(r => r.Year).ThenByDescending(r => r.Id)
            .Select(r => new RoundSummary(r.Id, r.Year, r.Status, r.SelfEvaluationDeadline, r.PostedOn, r.PostingEndsOn, Count(r.Id, _ => true),
                Count(r.Id, s => s is BranchStatus.Submitted or BranchStatus.Forwarded or BranchStatus.Decided), Count(r.Id, s => s == BranchStatus.Decided)))
            .ToList();
    }

    public async Task<Result<RoundDto>> CreateAsync(CreateRequest request, CancellationToken ct)
    {
        var street = await GradingScope.StreetIdAsync(db, user, ct);
        var library = await db.IndicatorLibraries.AsNoTracking().FirstOrDefaultAsync(l => l.Id == request.LibraryId && l.StreetId == street, ct);
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
        var round = new GradingRound(streetId, request.Year, library.Id, request.Deadline, request.PostingDays ?? GradingRound.DefaultPostingDays, settings,
            By, clock.GetUtcNow().UtcDateTime);
        db.GradingRounds.Add(round);
        await db.SaveChangesAsync(ct);
        var branches = await db.Units.Within(streetPath).Where(u => u.Kind == UnitKind.Branch && !u.IsArchived).Select(u => u.Id).ToListAsync(ct);
        db.BranchGradings.AddRange(branches.Select(b => new BranchGrading(round.Id, b)));
        await db.SaveChangesAsync(ct);
        return (await GetAsync(round.Id, ct))!;
    }

    public async Task<Result<RoundDto>> GetAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } round)
        {
            return Error.NotFound("Entity.GradingRound");
        }
        var open = await db.GradingObjections.CountAsync(o => o.AnsweredAt == null && db.BranchGradings.Any(g => g.Id == o.BranchGradingId && g.RoundId == id), ct);
        return new RoundDto(round.Id, round.Year, round.LibraryId, round.Status, round.SelfEvaluationDeadline, round.PostingDays, round.Settings,
            round.PostedOn, round.PostingEndsOn, round.FinalizedAt, open, await results.LinesAsync(round, "/", ct));
    }

    /// <summary>One step of the round. Posting requires every branch decided with its 测评分; it grades them all at once.</summary>
    public async Task<Result<RoundDto>> MoveAsync(int id, RoundStatus to, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } round)
        {
            return Error.NotFound("Entity.GradingRound");
        }
        var today = clock.Today();
        var unanswered = await db.GradingObjections.CountAsync(o => o.AnsweredAt == null && db.BranchGradings.Any(g => g.Id == o.BranchGradingId && g.RoundId == id), ct);
        if (round.WhyNotChangeable(to, today, unanswered) is { } why)
        {
            return Error.Conflict(why, round.PostingEndsOn?.ToString("yyyy-MM-dd") ?? "", unanswered);
        }
        if (to == RoundStatus.StreetDecision)
        {
            await autoScores.FillAsync(round, By, clock.GetUtcNow().UtcDateTime, ct);
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
        return await GetAsync(id, ct);
    }

    /// <summary>测评分 entered or imported for many branches at once (e.g. from a satisfaction ballot), until posting.</summary>
    public async Task<Result<RoundDto>> SetEvaluationsAsync(int id, IReadOnlyList<EvaluationInput> scores, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } round)
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
        return await GetAsync(id, ct);
    }

    public async Task<Result<IReadOnlyList<ObjectionDto>>> ObjectionsAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is null)
        {
            return Error.NotFound("Entity.GradingRound");
        }
        var rows = await (from o in db.GradingObjections.AsNoTracking()
                          join g in db.BranchGradings on o.BranchGradingId equals g.Id
                          join u in db.Units on g.UnitId equals u.Id
                          where g.RoundId == id
                          orderby o.Id
                          select new ObjectionDto(o.Id, g.Id, u.Parent!.Name + " " + u.Name, o.Name, o.Phone, o.Text, o.UserName, o.RaisedAt,
                              o.Answer, o.AnsweredBy, o.AnsweredAt)).ToListAsync(ct);
        return rows;
    }

    public async Task<Result<ObjectionDto>> AnswerAsync(int objectionId, AnswerRequest request, CancellationToken ct)
    {
        var street = await GradingScope.StreetIdAsync(db, user, ct);
        var objection = await db.GradingObjections.FirstOrDefaultAsync(o => o.Id == objectionId
            && db.BranchGradings.Any(g => g.Id == o.BranchGradingId && db.GradingRounds.Any(r => r.Id == g.RoundId && r.StreetId == street)), ct);
        if (objection is null)
        {
            return Error.NotFound("Entity.GradingObjection");
        }
        if (string.IsNullOrWhiteSpace(request.Answer) || request.Answer.Trim().Length > GradingObjection.MaxText)
        {
            return new ValidationError([new("answer", "Grading.AnswerRequired", GradingObjection.MaxText)]);
        }
        objection.Reply(request.Answer.Trim(), By, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        var rounds = await ObjectionsAsync(await db.BranchGradings.Where(g => g.Id == objection.BranchGradingId).Select(g => g.RoundId).SingleAsync(ct), ct);
        return rounds.Value!.Single(o => o.Id == objectionId);
    }

    private async Task<GradingRound?> FindAsync(int id, CancellationToken ct)
    {
        var street = await GradingScope.StreetIdAsync(db, user, ct);
        return await db.GradingRounds.FirstOrDefaultAsync(r => r.Id == id && r.StreetId == street, ct);
    }

    private string By => user.UserName ?? "";
}
