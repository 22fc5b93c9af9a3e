using Jishi.Web.Data;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Files;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Grading;

/// <summary>The branch sheets staff read within their subtree: their branches' lines in every round of the street, one
/// branch's sheet and evidence, and 对标一流, the branch next to the street's best one.</summary>
public sealed class BranchSheetQueries(JishiDbContext db, CurrentUser user, GradingResults results, BranchSheetStore store)
{
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
        await store.LoadAsync(id, ct) is { } loaded ? await store.SheetAsync(loaded, ct) : Error.NotFound("Entity.BranchGrading");

    public async Task<Result<FileDownload>> EvidenceAsync(int id, int evidenceId, CancellationToken ct)
    {
        if (await store.LoadAsync(id, ct) is null)
        {
            return Error.NotFound("Entity.BranchGrading");
        }
        var file = await db.GradingEvidence.Where(f => f.BranchGradingId == id).DownloadAsync(evidenceId, ct);
        return file is null ? Error.NotFound("Entity.GradingEvidence") : file;
    }

    /// <summary>对标一流: the branch's current score of each indicator, the best branch's (highest total of the round, by the
    /// posted totals or, before posting, by the formula on the current scores) and the median over the street's branches.</summary>
    public async Task<Result<Benchmark>> BenchmarkAsync(int id, CancellationToken ct)
    {
        if (await store.LoadAsync(id, ct) is not { } loaded)
        {
            return Error.NotFound("Entity.BranchGrading");
        }
        var all = await db.BranchGradings.AsNoTracking().Include(g => g.Scores).Where(g => g.RoundId == loaded.Round.Id).ToListAsync(ct);
        var totals = loaded.Round.IsPublished
            ? all.ToDictionary(g => g.Id, g => g.Total ?? 0)
            : GradingFormula.Grade(all.Select(g => g.Input(loaded.Indicators)).ToList(), loaded.Round.Settings)
                .ToDictionary(o => o.Key, o => o.Total);
        var best = all.OrderByDescending(g => totals[g.Id]).ThenBy(g => g.Id).First();
        var bestName = await db.Units.Where(u => u.Id == best.UnitId).Select(u => u.Parent!.Name + " " + u.Name).SingleAsync(ct);
        var effective = all.ToDictionary(g => g.Id, g => g.Effective());
        decimal? ScoreOf(int grading, int indicator) => effective[grading].TryGetValue(indicator, out var s) ? s.Score : null;
        var lines = loaded.Indicators.Where(i => !i.IsVeto).OrderBy(i => i.SortOrder).Select(i => new BenchmarkLine(i.Id, i.Category,
            i.Item, i.Kind, i.FullScore, ScoreOf(id, i.Id), ScoreOf(best.Id, i.Id),
            Median(all.Select(g => ScoreOf(g.Id, i.Id)).OfType<decimal>().ToList()))).ToList();
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
}
