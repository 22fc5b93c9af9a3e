using Jishi.Web.Data;
using Jishi.Web.Features.Accounts;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Grading;

/// <summary>A branch's sheet as the use cases of the sheet load, save and show it: found within the caller's subtree (never in
/// a draft round), saved with the branch's status as its concurrency token, and shown with what the caller may do with it
/// now.</summary>
public sealed class BranchSheetStore(JishiDbContext db, CurrentUser user, TimeProvider clock)
{
    /// <summary>A branch's grading with its round, the round's indicators and the names its sheet shows.</summary>
    public sealed record Loaded(BranchGrading Grading, GradingRound Round, List<Indicator> Indicators, string UnitName,
        string CommunityName);

    /// <summary>The community secretary and the street review a branch's self-evaluation.</summary>
    public bool CanReview => user.IsInRole(Roles.CommunitySecretary) || user.IsInRole(Roles.StreetAdmin);

    /// <summary>Only the street decides a branch's final scores and reopens it.</summary>
    public bool CanDecide => user.IsInRole(Roles.StreetAdmin);

    /// <summary>Who writes: the caller's user name.</summary>
    public string By => user.UserName ?? "";

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The grading <paramref name="id"/> of a branch in the caller's subtree, tracked; null when there is none or
    /// its round is still a draft.</summary>
    public async Task<Loaded?> LoadAsync(int id, CancellationToken ct)
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
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.LibraryId == round.LibraryId).OrderBy(i => i.SortOrder)
            .ToListAsync(ct);
        return new Loaded(row.g, round, indicators, row.Name, row.Community);
    }

    /// <summary>Saves the changes and answers the sheet; a concurrent change of the branch's status answers 409.</summary>
    public async Task<Result<BranchSheet>> SaveAsync(Loaded loaded, CancellationToken ct)
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

    /// <summary>The sheet of <paramref name="loaded"/>: every stage's score of each indicator with its evidence, the grade
    /// once the round is published, and what the caller may do now.</summary>
    public async Task<BranchSheet> SheetAsync(Loaded loaded, CancellationToken ct)
    {
        var (grading, round) = (loaded.Grading, loaded.Round);
        var files = await db.GradingEvidence.AsNoTracking().Where(f => f.BranchGradingId == grading.Id).OrderBy(f => f.Id)
            .Select(f => new EvidenceDto(f.Id, f.IndicatorId, f.FileName, f.ContentType, f.Size, f.UploadedBy, f.UploadedAt))
            .ToListAsync(ct);
        StageScore? At(ScoreStage stage, int indicator) =>
            grading.Scores.FirstOrDefault(s => s.IndicatorId == indicator && s.Stage == stage) is { } s
                ? new StageScore(s.Score, s.VetoHit, s.Note, s.By, s.At) : null;
        var effective = grading.Effective();
        var lines = loaded.Indicators.Select(i => new SheetLine(IndicatorLibraries.Dto(i), At(ScoreStage.Self, i.Id),
            At(ScoreStage.Community, i.Id), At(ScoreStage.Street, i.Id), effective.GetValueOrDefault(i.Id)?.Score,
            effective.GetValueOrDefault(i.Id)?.VetoHit ?? false, files.Where(f => f.IndicatorId == i.Id).ToList())).ToList();
        var input = grading.Input(loaded.Indicators);
        var published = round.IsPublished;
        return new BranchSheet(grading.Id, round.Id, round.Year, round.Status, round.SelfEvaluationDeadline, grading.UnitId,
            loaded.UnitName, loaded.CommunityName, grading.Status, grading.ReviewNote, grading.EvaluationScore, input.Basic,
            input.Deductions, input.Vetoed, published ? grading.Total : null, published ? grading.Stars : null,
            published ? grading.Category : null, published && grading.Rectify, round.TakesSelfEvaluation(grading, clock.Today()),
            CanReview && round.TakesCommunityReview && grading.Status == BranchStatus.Submitted,
            CanDecide && round.Status == RoundStatus.StreetDecision, lines);
    }
}
