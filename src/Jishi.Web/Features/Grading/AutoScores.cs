using Jishi.Web.Data;
using Jishi.Web.Features.Duties;
using Jishi.Web.Features.Publicity;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Grading;

/// <summary>Scores of the indicators another feature supplies (<see cref="Indicator.AutoSource"/>), written as the street's
/// score when a round reaches the street's decision, so the street sees them and may still change them with a reason:
/// "key-tasks" is the full score × the completion rate of the branch's community's 重点任务 (<see cref="KeyTaskRules"/>);
/// "publicity" is the weighted count of the branch's own 宣传报道 of the year (<see cref="PublicityWeights"/>), up to the
/// full score. A score the street has already given is kept.</summary>
public sealed class AutoScores(JishiDbContext db, DutyFigures duties, PublicityFigures publicity, IStringLocalizer<SharedResource> text)
{
    public const string KeyTasks = "key-tasks";
    public const string Publicity = "publicity";

    public async Task FillAsync(GradingRound round, string by, DateTime at, CancellationToken ct)
    {
        var indicators = await db.Indicators.AsNoTracking()
            .Where(i => i.LibraryId == round.LibraryId && (i.AutoSource == KeyTasks || i.AutoSource == Publicity)).ToListAsync(ct);
        if (indicators.Count == 0)
        {
            return;
        }
        var rates = await duties.CompletionRatesAsync(round.Year, ct);
        var reports = await publicity.WeightedByUnitAsync(round.Year, ct);
        var gradings = await db.BranchGradings.Include(g => g.Scores).Where(g => g.RoundId == round.Id).ToListAsync(ct);
        var parents = await db.Units.AsNoTracking().Where(u => gradings.Select(g => g.UnitId).Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);
        foreach (var grading in gradings)
        {
            foreach (var indicator in indicators.Where(i => !grading.Scores.Any(s => s.IndicatorId == i.Id && s.Stage == ScoreStage.Street)))
            {
                if (indicator.AutoSource == KeyTasks)
                {
                    var rate = rates.TryGetValue(grading.UnitId, out var own) ? own
                        : parents.GetValueOrDefault(grading.UnitId) is { } community && rates.TryGetValue(community, out var theirs) ? theirs : 0m;
                    grading.Score(indicator.Id, ScoreStage.Street, KeyTaskScore(indicator.FullScore, rate), false,
                        text["Grading.AutoKeyTasks", rate.ToString("P0")], by, at);
                }
                else
                {
                    var weighted = reports.GetValueOrDefault(grading.UnitId);
                    grading.Score(indicator.Id, ScoreStage.Street, PublicityScore(indicator.FullScore, weighted), false,
                        text["Grading.AutoPublicity", weighted.ToString("0.##")], by, at);
                }
            }
        }
    }

    public static decimal KeyTaskScore(decimal fullScore, decimal rate) => GradingFormula.Round(fullScore * rate);

    public static decimal PublicityScore(decimal fullScore, decimal weighted) => Math.Min(fullScore, GradingFormula.Round(weighted));
}
