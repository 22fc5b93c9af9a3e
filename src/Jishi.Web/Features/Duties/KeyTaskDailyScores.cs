using Jishi.Web.Data;
using Jishi.Web.Features.Reviews;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Duties;

/// <summary>One subject's daily score as the key tasks give it; <see cref="Score"/> is null when its unit had no key tasks
/// in the campaign's year (its daily score is then left as it is).</summary>
public sealed record DailyScoreProposal(int SubjectId, string Name, string UnitName, decimal? Rate, double? Score, double? Current);

/// <summary>"按重点任务完成率填入日常考核分": each subject's daily score = its community's key-task completion rate in the
/// campaign's year × <see cref="MaxDailyScore"/>, shown first for confirmation, then written.</summary>
public sealed class KeyTaskDailyScores(JishiDbContext db, ReviewQueries reviews, DutyFigures figures)
{
    /// <summary>The top of the daily-score scale (ReviewCampaign.SetDailyScores accepts 0–100; ReviewScoring mixes it as is).</summary>
    public const double MaxDailyScore = 100;

    public async Task<Result<IReadOnlyList<DailyScoreProposal>>> PreviewAsync(int reviewId, CancellationToken ct)
    {
        if (await reviews.FindAsync(reviewId, ct) is not { } campaign)
        {
            return Error.NotFound("Entity.Review");
        }
        return await ProposeAsync(campaign, ct);
    }

    public async Task<Result<IReadOnlyList<DailyScoreProposal>>> ApplyAsync(int reviewId, CancellationToken ct)
    {
        if (await reviews.FindAsync(reviewId, ct) is not { } campaign)
        {
            return Error.NotFound("Entity.Review");
        }
        if (campaign.WhyNotAssess(ReviewCampaign.DailyScoreAction) is { } refused)
        {
            return refused;
        }
        var proposals = await ProposeAsync(campaign, ct);
        var scores = proposals.Where(p => p.Score is not null)
            .Select(p => (campaign.Subjects.First(s => s.Id == p.SubjectId), p.Score!.Value)).ToList();
        if (campaign.SetDailyScores(scores) is { } error)
        {
            return error;
        }
        await db.SaveChangesAsync(ct);
        return proposals.Select(p => p with { Current = p.Score ?? p.Current }).ToList();
    }

    public static double ScoreOf(decimal rate) => (double)Math.Round(rate * (decimal)MaxDailyScore, 2, MidpointRounding.AwayFromZero);

    private async Task<List<DailyScoreProposal>> ProposeAsync(ReviewCampaign campaign, CancellationToken ct)
    {
        var rates = await figures.CompletionRatesAsync(campaign.Year, ct);
        var dto = await reviews.ToDtoAsync(campaign, ct);
        return dto.Subjects.Select(s => rates.TryGetValue(s.UnitId, out var rate)
            ? new DailyScoreProposal(s.Id, s.Name, s.UnitName, rate, ScoreOf(rate), s.DailyScore)
            : new DailyScoreProposal(s.Id, s.Name, s.UnitName, null, null, s.DailyScore)).ToList();
    }
}
