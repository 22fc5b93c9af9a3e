using Jishi.Web.Data;
using Jishi.Web.Features.Accounts;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Files;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Grading;

/// <summary>One branch's grading within the caller's subtree: the branch (its secretary, or the community or street on its
/// behalf) scores itself with evidence and submits; the community secretary adjusts with reasons and returns or forwards;
/// the street decides the final scores and the 测评分, and may reopen a branch after the deadline. 对标一流 compares it with
/// the street's best branch.</summary>
public sealed class BranchSheets(JishiDbContext db, CurrentUser user, TimeProvider clock, GradingResults results)
{
    public sealed record ScoreInput(int IndicatorId, decimal Score, bool VetoHit, string? Note);

    public sealed record ScoresRequest(IReadOnlyList<ScoreInput> Scores);

    public sealed record ReviewRequest(bool Forward, string? Note, IReadOnlyList<ScoreInput>? Scores);

    public sealed record DecideRequest(decimal EvaluationScore, IReadOnlyList<ScoreInput>? Scores);

    public sealed record ReopenRequest(string? Reason);

    private sealed record Loaded(BranchGrading Grading, GradingRound Round, List<Indicator> Indicators, string UnitName, string CommunityName);

    /// <summary>The caller's branches in every round of their street, the latest round first.</summary>
    public async Task<IReadOnlyList<BranchLine>> MineAsync(CancellationToken ct)
    {
        var street = await GradingScope.StreetIdAsync(db, user, ct);
        var scope = await user.ScopePathAsync(ct);
        var rounds = await db.GradingRounds.AsNoTracking().Where(r => r.StreetId == street && r.Status != RoundStatus.Draft)
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Id).ToListAsync(ct);
        var lines = new List<BranchLine>();
        foreach (var round in rounds)
        {
            lines.AddRange(await results.LinesAsync(round, scope, ct));
        }
        return lines;
    }

    public async Task<Result<BranchSheet>> GetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) is { } loaded ? await SheetAsync(loaded, ct) : Error.NotFound("Entity.BranchGrading");

    public async Task<Result<BranchSheet>> SelfEvaluateAsync(int id, ScoresRequest request, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } loaded)
        {
            return Error.NotFound("Entity.BranchGrading");
        }
        if (!loaded.Round.TakesSelfEvaluation(loaded.Grading, clock.Today()))
        {
            return Error.Conflict("Grading.SelfEvaluationClosed");
        }
        if (Validate(loaded, request.Scores, needReason: false, branch: true) is { } invalid)
        {
            return invalid;
        }
        Apply(loaded, request.Scores, ScoreStage.Self);
        return await SaveAsync(loaded, ct);
    }

    public async Task<Result<BranchSheet>> AddEvidenceAsync(int id, int indicatorId, UploadedFile file, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } loaded)
        {
            return Error.NotFound("Entity.BranchGrading");
        }
        if (loaded.Round.IsPublished || !(loaded.Round.TakesSelfEvaluation(loaded.Grading, clock.Today()) || CanReview || CanDecide))
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
        db.GradingEvidence.Add(new GradingEvidence(id, indicatorId, name, type, content, By, Now));
        return await SaveAsync(loaded, ct);
    }

    public async Task<Result<FileDownload>> EvidenceAsync(int id, int evidenceId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is null)
        {
            return Error.NotFound("Entity.BranchGrading");
        }
        var file = await db.GradingEvidence.Where(f => f.BranchGradingId == id).DownloadAsync(evidenceId, ct);
        return file is null ? Error.NotFound("Entity.GradingEvidence") : file;
    }

    /// <summary>Submits the self-evaluation: every basic indicator the branch scores (not the automatic ones) has a score, and
    /// one that asks for evidence and scored above zero has a file.</summary>
    public async Task<Result<BranchSheet>> SubmitAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } loaded)
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
        loaded.Grading.Submit(By, Now);
        return await SaveAsync(loaded, ct);
    }

    /// <summary>The community secretary (or the street) adjusts scores, each change with a reason, and forwards the branch to the
    /// street or returns it to the branch with a note.</summary>
    public Task<Result<BranchSheet>> ReviewAsync(int id, ReviewRequest request, CancellationToken ct) =>
        AdjustAsync(id, CanReview, l => l.Round.TakesCommunityReview && l.Grading.Status == BranchStatus.Submitted ? null : "Grading.NotSubmitted",
            request.Scores, !request.Forward && string.IsNullOrWhiteSpace(request.Note) ? new("note", "Grading.ReturnNoteRequired") : null,
            ScoreStage.Community, g => g.Review(request.Forward, Trimmed(request.Note), By, Now), ct);

    /// <summary>The street's decision on one branch: final adjustments (with reasons) and the 测评分.</summary>
    public Task<Result<BranchSheet>> DecideAsync(int id, DecideRequest request, CancellationToken ct) =>
        AdjustAsync(id, CanDecide, l => l.Round.Status == RoundStatus.StreetDecision ? null : "Grading.NotDeciding",
            request.Scores, request.EvaluationScore is < 0 or > 100 ? new("evaluationScore", "Grading.EvaluationRange") : null,
            ScoreStage.Street, g => g.Decide(GradingFormula.Round(request.EvaluationScore), By, Now), ct);

    /// <summary>An adjustment at a stage above the branch: allowed to the caller's role, in the right state, every changed score
    /// with its reason; then <paramref name="finish"/> moves the branch on.</summary>
    private async Task<Result<BranchSheet>> AdjustAsync(int id, bool allowed, Func<Loaded, string?> whyNot, IReadOnlyList<ScoreInput>? scores,
        FieldProblem? problem, ScoreStage stage, Action<BranchGrading> finish, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } loaded)
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
        if (Validate(loaded, scores ?? [], needReason: true, branch: false) is { } invalid)
        {
            return invalid;
        }
        if (problem is not null)
        {
            return new ValidationError([problem]);
        }
        Apply(loaded, scores ?? [], stage);
        finish(loaded.Grading);
        return await SaveAsync(loaded, ct);
    }

    /// <summary>After the deadline only the street lets a branch edit again.</summary>
    public async Task<Result<BranchSheet>> ReopenAsync(int id, ReopenRequest request, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } loaded)
        {
            return Error.NotFound("Entity.BranchGrading");
        }
        if (!CanDecide)
        {
            return new Error("Forbidden", StatusCodes.Status403Forbidden);
        }
        if (loaded.Round.Status is not (RoundStatus.SelfEvaluation or RoundStatus.CommunityReview) || loaded.Grading.Status == BranchStatus.Returned)
        {
            return Error.Conflict("Grading.WrongStatus");
        }
        loaded.Grading.Reopen(Trimmed(request.Reason), By, Now);
        return await SaveAsync(loaded, ct);
    }

    /// <summary>对标一流: the branch's current score of each indicator, the best branch's (highest total of the round, by the
    /// posted totals or, before posting, by the formula on the current scores) and the median over the street's branches.</summary>
    public async Task<Result<Benchmark>> BenchmarkAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } loaded)
        {
            return Error.NotFound("Entity.BranchGrading");
        }
        var all = await db.BranchGradings.AsNoTracking().Include(g => g.Scores).Where(g => g.RoundId == loaded.Round.Id).ToListAsync(ct);
        var totals = loaded.Round.IsPublished
            ? all.ToDictionary(g => g.Id, g => g.Total ?? 0)
            : GradingFormula.Grade(all.Select(g => g.Input(loaded.Indicators)).ToList(), loaded.Round.Settings).ToDictionary(o => o.Key, o => o.Total);
        var best = all.OrderByDescending(g => totals[g.Id]).ThenBy(g => g.Id).First();
        var bestName = await db.Units.Where(u => u.Id == best.UnitId).Select(u => u.Parent!.Name + " " + u.Name).SingleAsync(ct);
        var effective = all.ToDictionary(g => g.Id, g => g.Effective());
        decimal? ScoreOf(int grading, int indicator) => effective[grading].TryGetValue(indicator, out var s) ? s.Score : null;
        var lines = loaded.Indicators.Where(i => !i.IsVeto).OrderBy(i => i.SortOrder).Select(i => new BenchmarkLine(i.Id, i.Category, i.Item, i.Kind,
            i.FullScore, ScoreOf(id, i.Id), ScoreOf(best.Id, i.Id), Median(all.Select(g => ScoreOf(g.Id, i.Id)).OfType<decimal>().ToList()))).ToList();
        return new Benchmark(id, loaded.CommunityName + " " + loaded.UnitName, totals[id], best.Id, bestName, totals[best.Id], lines);
    }

    public static decimal? Median(IReadOnlyList<decimal> values)
    {
        if (values.Count == 0)
        {
            return null;
        }
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : GradingFormula.Round((sorted[mid - 1] + sorted[mid]) / 2);
    }

    private ValidationError? Validate(Loaded loaded, IReadOnlyList<ScoreInput> scores, bool needReason, bool branch)
    {
        var problems = new List<FieldProblem>();
        var current = loaded.Grading.Effective();
        foreach (var (input, i) in scores.Select((s, i) => (s, i)))
        {
            var field = $"scores[{i}]";
            if (loaded.Indicators.FirstOrDefault(x => x.Id == input.IndicatorId) is not { } indicator)
            {
                problems.Add(new(field, "Grading.UnknownIndicator"));
                continue;
            }
            if (branch && indicator.AutoSource is not null)
            {
                problems.Add(new(field, "Grading.AutoScored", indicator.Item));
            }
            else if (!indicator.IsVeto && (input.Score < 0 || input.Score > indicator.FullScore || decimal.Round(input.Score, 2) != input.Score))
            {
                problems.Add(new(field, "Grading.ScoreRange", indicator.Item, indicator.FullScore));
            }
            else if ((input.Note?.Trim().Length ?? 0) > BranchGrading.MaxNote)
            {
                problems.Add(new(field, "Grading.TextTooLong", BranchGrading.MaxNote));
            }
            else if (needReason && string.IsNullOrWhiteSpace(input.Note) && Changes(current.GetValueOrDefault(indicator.Id), indicator, input))
            {
                problems.Add(new(field, "Grading.ReasonRequired", indicator.Item));
            }
        }
        return problems.Count > 0 ? new ValidationError(problems) : null;
    }

    private static bool Changes(IndicatorScore? current, Indicator indicator, ScoreInput input) =>
        indicator.IsVeto ? input.VetoHit != (current?.VetoHit ?? false) : input.Score != (current?.Score ?? -1);

    /// <summary>A veto item is hit or not and scores nothing; any other item is a score and never a veto.</summary>
    private void Apply(Loaded loaded, IReadOnlyList<ScoreInput> scores, ScoreStage stage)
    {
        foreach (var s in scores)
        {
            var veto = loaded.Indicators.Single(i => i.Id == s.IndicatorId).IsVeto;
            loaded.Grading.Score(s.IndicatorId, stage, veto ? 0 : s.Score, veto && s.VetoHit, Trimmed(s.Note), By, Now);
        }
    }

    private async Task<Result<BranchSheet>> SaveAsync(Loaded loaded, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("Grading.WrongStatus");
        }
        return await SheetAsync(loaded, ct);
    }

    private async Task<Loaded?> LoadAsync(int id, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        var row = await (from g in db.BranchGradings.Include(g => g.Scores)
                         join u in db.Units.Within(scope) on g.UnitId equals u.Id
                         where g.Id == id
                         select new { g, u.Name, Community = u.Parent!.Name }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        var round = await db.GradingRounds.SingleAsync(r => r.Id == row.g.RoundId, ct);
        if (round.Status == RoundStatus.Draft)
        {
            return null;
        }
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.LibraryId == round.LibraryId).OrderBy(i => i.SortOrder).ToListAsync(ct);
        return new Loaded(row.g, round, indicators, row.Name, row.Community);
    }

    private async Task<BranchSheet> SheetAsync(Loaded loaded, CancellationToken ct)
    {
        var (grading, round) = (loaded.Grading, loaded.Round);
        var files = await db.GradingEvidence.AsNoTracking().Where(f => f.BranchGradingId == grading.Id).OrderBy(f => f.Id)
            .Select(f => new EvidenceDto(f.Id, f.IndicatorId, f.FileName, f.ContentType, f.Size, f.UploadedBy, f.UploadedAt)).ToListAsync(ct);
        StageScore? At(ScoreStage stage, int indicator) => grading.Scores.FirstOrDefault(s => s.IndicatorId == indicator && s.Stage == stage) is { } s
            ? new StageScore(s.Score, s.VetoHit, s.Note, s.By, s.At) : null;
        var effective = grading.Effective();
        var lines = loaded.Indicators.Select(i => new SheetLine(IndicatorLibraries.Dto(i), At(ScoreStage.Self, i.Id), At(ScoreStage.Community, i.Id),
            At(ScoreStage.Street, i.Id), effective.GetValueOrDefault(i.Id)?.Score, effective.GetValueOrDefault(i.Id)?.VetoHit ?? false,
            files.Where(f => f.IndicatorId == i.Id).ToList())).ToList();
        var input = grading.Input(loaded.Indicators);
        var published = round.IsPublished;
        return new BranchSheet(grading.Id, round.Id, round.Year, round.Status, round.SelfEvaluationDeadline, grading.UnitId, loaded.UnitName,
            loaded.CommunityName, grading.Status, grading.ReviewNote, grading.EvaluationScore, input.Basic, input.Deductions, input.Vetoed,
            published ? grading.Total : null, published ? grading.Stars : null, published ? grading.Category : null, published && grading.Rectify,
            round.TakesSelfEvaluation(grading, clock.Today()), CanReview && round.TakesCommunityReview && grading.Status == BranchStatus.Submitted,
            CanDecide && round.Status == RoundStatus.StreetDecision, lines);
    }

    private bool CanReview => user.IsInRole(Roles.CommunitySecretary) || user.IsInRole(Roles.StreetAdmin);

    private bool CanDecide => user.IsInRole(Roles.StreetAdmin);

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private string By => user.UserName ?? "";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
