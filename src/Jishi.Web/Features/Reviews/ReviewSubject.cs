namespace Jishi.Web.Features.Reviews;

/// <summary>A secretary under review, with the unit whose party work they report on.</summary>
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
    public bool Veto { get; set; }

    /// <summary>The committee secretary's 点评 of this secretary's report.</summary>
    public string? Comment { get; private set; }

    public const int MaxCommentLength = 4000;

    public void SetComment(string? text)
    {
        var trimmed = text?.Trim();
        if (trimmed?.Length > MaxCommentLength)
        {
            throw new ArgumentOutOfRangeException(nameof(text));
        }
        Comment = string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    public void SetDailyScore(double score)
    {
        if (score is < 0 or > 100 || double.IsNaN(score))
        {
            throw new ArgumentOutOfRangeException(nameof(score));
        }
        DailyScore = score;
    }
}
