using Jishi.Web.Shared;

namespace Jishi.Web.Features.Reviews;

/// <summary>A secretary under review, with the unit whose party work they report on. Its assessment (daily score, veto,
/// comment) changes only through its campaign, which refuses it once the results are published.</summary>
public sealed class ReviewSubject
{
    private ReviewSubject() { }

    internal ReviewSubject(int unitId, string name)
    {
        UnitId = unitId;
        Name = name;
    }

    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public int UnitId { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>The daily-assessment score (0–100); null until entered, and the composite is provisional until then.</summary>
    public double? DailyScore { get; private set; }

    /// <summary>An automatic 差 (一票否决), e.g. after a major incident.</summary>
    public bool Veto { get; private set; }

    /// <summary>The committee secretary's 点评 of this secretary's report.</summary>
    public string? Comment { get; private set; }

    public const int MaxCommentLength = 4000;

    /// <summary>Why this daily score cannot be used, or null: it lies between 0 and 100.</summary>
    public static FieldProblem? DailyScoreProblem(double score) =>
        score is >= 0 and <= 100 ? null : new("score", "Review.DailyScoreRange");

    /// <summary>Why this comment cannot be used, or null: at most <see cref="MaxCommentLength"/> characters once trimmed.</summary>
    public static FieldProblem? CommentProblem(string? text) =>
        text?.Trim().Length > MaxCommentLength ? new("text", "Review.CommentTooLong", MaxCommentLength) : null;

    /// <summary>Called by <see cref="ReviewCampaign.SetDailyScores"/> once the score has passed <see cref="DailyScoreProblem"/>.</summary>
    internal void SetDailyScore(double score) => DailyScore = score;

    internal void SetVeto(bool veto) => Veto = veto;

    /// <summary>Trimmed; a blank comment is none. Called by <see cref="ReviewCampaign.SetComment"/> once checked.</summary>
    internal void SetComment(string? text)
    {
        var trimmed = text?.Trim();
        Comment = string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
