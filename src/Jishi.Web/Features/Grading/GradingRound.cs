namespace Jishi.Web.Features.Grading;

public enum RoundStatus
{
    Draft = 0,
    SelfEvaluation = 1,
    CommunityReview = 2,
    StreetDecision = 3,
    Posted = 4,
    Final = 5,
}

/// <summary>One year's 分类定级 of a street's branches, against one adopted indicator library. It moves Draft → SelfEvaluation
/// (branches score themselves until the deadline) → CommunityReview → StreetDecision → Posted (公示 for
/// <see cref="PostingDays"/> days, objections open) → Final (after the posting period, every objection answered).</summary>
public sealed class GradingRound
{
    public const int DefaultPostingDays = 5;

    private GradingRound() { }

    public GradingRound(int streetId, int year, int libraryId, DateOnly deadline, int postingDays, GradingSettings settings, string by, DateTime at)
    {
        StreetId = streetId;
        Year = year;
        LibraryId = libraryId;
        SelfEvaluationDeadline = deadline;
        PostingDays = postingDays;
        BasicWeight = settings.BasicWeight;
        EvaluationWeight = settings.EvaluationWeight;
        FiveStarShare = settings.FiveStarShare;
        BottomShare = settings.BottomShare;
        CreatedBy = by;
        CreatedAt = at;
    }

    public int Id { get; private set; }
    public int StreetId { get; private set; }
    public int Year { get; private set; }
    public int LibraryId { get; private set; }
    public DateOnly SelfEvaluationDeadline { get; private set; }
    public RoundStatus Status { get; private set; }
    public int PostingDays { get; private set; }
    public decimal BasicWeight { get; private set; }
    public decimal EvaluationWeight { get; private set; }
    public decimal FiveStarShare { get; private set; }
    public decimal BottomShare { get; private set; }
    public DateOnly? PostedOn { get; private set; }

    /// <summary>The first day after the posting: objections are taken before it, the round becomes final from it.</summary>
    public DateOnly? PostingEndsOn { get; private set; }

    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? FinalizedAt { get; private set; }

    public GradingSettings Settings => new(BasicWeight, EvaluationWeight, FiveStarShare, BottomShare);

    public bool IsPublished => Status is RoundStatus.Posted or RoundStatus.Final;

    public bool TakesObjections(DateOnly today) => Status == RoundStatus.Posted && today < PostingEndsOn;

    /// <summary>Branches edit their self-evaluation while the round collects them; a branch that was not returned to
    /// them stops at the deadline.</summary>
    public bool TakesSelfEvaluation(BranchGrading grading, DateOnly today) =>
        Status is RoundStatus.SelfEvaluation or RoundStatus.CommunityReview
        && (grading.Status == BranchStatus.Returned || (grading.Status == BranchStatus.Pending && today <= SelfEvaluationDeadline));

    public bool TakesCommunityReview => Status is RoundStatus.SelfEvaluation or RoundStatus.CommunityReview;

    public string? WhyNotChangeable(RoundStatus to, DateOnly today, int unanswered) => (Status, to) switch
    {
        (RoundStatus.Draft, RoundStatus.SelfEvaluation) => null,
        (RoundStatus.SelfEvaluation, RoundStatus.CommunityReview) => null,
        (RoundStatus.CommunityReview, RoundStatus.StreetDecision) => null,
        (RoundStatus.StreetDecision, RoundStatus.Posted) => null,
        (RoundStatus.Posted, RoundStatus.Final) when today < PostingEndsOn => "Grading.PostingNotOver",
        (RoundStatus.Posted, RoundStatus.Final) when unanswered > 0 => "Grading.ObjectionsOpen",
        (RoundStatus.Posted, RoundStatus.Final) => null,
        _ => "Grading.WrongStatus",
    };

    public void MoveTo(RoundStatus to, DateOnly today, int unanswered, DateTime at)
    {
        if (WhyNotChangeable(to, today, unanswered) is { } why)
        {
            throw new InvalidOperationException(why);
        }
        Status = to;
        if (to == RoundStatus.Posted)
        {
            PostedOn = today;
            PostingEndsOn = today.AddDays(PostingDays);
        }
        if (to == RoundStatus.Final)
        {
            FinalizedAt = at;
        }
    }
}
