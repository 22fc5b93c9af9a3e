using Jishi.Web.Shared;

namespace Jishi.Web.Features.Grading;

/// <summary>The rules of the scores a sheet takes, at any stage: each within its indicator's range in hundredths, a veto item
/// hit or not (it scores nothing), the branch never scoring an automatic item, and above the branch every change with its
/// reason.</summary>
public static class BranchSheetScores
{
    public sealed record ScoreInput(int IndicatorId, decimal Score, bool VetoHit, string? Note);

    /// <summary>The problems of <paramref name="scores"/> for <paramref name="loaded"/>; <paramref name="needReason"/> asks a
    /// note of every changed score, <paramref name="branch"/> refuses the automatic items.</summary>
    public static ValidationError? Validate(BranchSheetStore.Loaded loaded, IReadOnlyList<ScoreInput> scores, bool needReason, bool branch)
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
            else if (!indicator.IsVeto
                && (input.Score < 0 || input.Score > indicator.FullScore || decimal.Round(input.Score, 2) != input.Score))
            {
                problems.Add(new(field, "Grading.ScoreRange", indicator.Item, indicator.FullScore));
            }
            else if ((input.Note?.Trim().Length ?? 0) > BranchGrading.MaxNote)
            {
                problems.Add(new(field, "Grading.TextTooLong", BranchGrading.MaxNote));
            }
            else if (needReason && string.IsNullOrWhiteSpace(input.Note)
                && Changes(current.GetValueOrDefault(indicator.Id), indicator, input))
            {
                problems.Add(new(field, "Grading.ReasonRequired", indicator.Item));
            }
        }
        return problems.Count > 0 ? new ValidationError(problems) : null;
    }

    /// <summary>Writes <paramref name="scores"/> (validated) at <paramref name="stage"/>: a veto item is hit or not and scores
    /// nothing; any other item is a score and never a veto.</summary>
    public static void Apply(BranchSheetStore.Loaded loaded, IReadOnlyList<ScoreInput> scores, ScoreStage stage, string by, DateTime at)
    {
        foreach (var s in scores)
        {
            var veto = loaded.Indicators.Single(i => i.Id == s.IndicatorId).IsVeto;
            loaded.Grading.Score(s.IndicatorId, stage, veto ? 0 : s.Score, veto && s.VetoHit, Trimmed(s.Note), by, at);
        }
    }

    /// <summary>A note as stored: trimmed, and null when blank.</summary>
    public static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool Changes(IndicatorScore? current, Indicator indicator, ScoreInput input) =>
        indicator.IsVeto ? input.VetoHit != (current?.VetoHit ?? false) : input.Score != (current?.Score ?? -1);
}
