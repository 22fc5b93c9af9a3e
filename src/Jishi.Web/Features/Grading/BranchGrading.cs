using Jishi.Web.Shared;

namespace Jishi.Web.Features.Grading;

public enum BranchStatus
{
    /// <summary>Not submitted yet.</summary>
    Pending = 0,
    Submitted = 1,

    /// <summary>Sent back by the community (or reopened by the street): editable again, past the deadline too.</summary>
    Returned = 2,

    /// <summary>Reviewed by the community and forwarded to the street.</summary>
    Forwarded = 3,
    Decided = 4,
}

public enum ScoreStage
{
    Self = 0,
    Community = 1,
    Street = 2,
}

/// <summary>One branch's grading in a round. Scores are kept per stage (<see cref="IndicatorScore"/>): the latest stage
/// that scored an indicator counts, so the branch's own figures stay visible next to the adjustments. The result fields
/// are written once, when the street posts the round.</summary>
public sealed class BranchGrading
{
    public const int MaxNote = 500;

    private BranchGrading() { }

    public BranchGrading(int roundId, int unitId)
    {
        RoundId = roundId;
        UnitId = unitId;
    }

    public int Id { get; private set; }
    public int RoundId { get; private set; }
    public int UnitId { get; private set; }
    public BranchStatus Status { get; private set; }
    public string? SubmittedBy { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    public string? ReviewNote { get; private set; }
    public string? ReviewedBy { get; private set; }
    public DateTime? ReviewedAt { get; private set; }
    public decimal? EvaluationScore { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAt { get; private set; }

    public decimal? Basic { get; private set; }
    public decimal? Deductions { get; private set; }
    public decimal? Total { get; private set; }
    public int? Rank { get; private set; }
    public int? Stars { get; private set; }
    public GradeCategory? Category { get; private set; }
    public bool Rectify { get; private set; }
    public bool Vetoed { get; private set; }

    public List<IndicatorScore> Scores { get; private set; } = [];

    /// <summary>The score of each indicator at its latest stage.</summary>
    public IReadOnlyDictionary<int, IndicatorScore> Effective() =>
        Scores.GroupBy(s => s.IndicatorId).ToDictionary(g => g.Key, g => g.MaxBy(s => s.Stage)!);

    /// <summary>What the formula needs from this branch's current scores.</summary>
    public GradingInput Input(IReadOnlyList<Indicator> indicators)
    {
        var effective = Effective();
        decimal Sum(IndicatorKind kind) => indicators.Where(i => i.Kind == kind && !i.IsVeto)
            .Sum(i => effective.TryGetValue(i.Id, out var s) ? s.Score : 0);
        var vetoed = indicators.Any(i => i.IsVeto && effective.TryGetValue(i.Id, out var s) && s.VetoHit);
        return new GradingInput(Id, Sum(IndicatorKind.Basic), Sum(IndicatorKind.Deduction), EvaluationScore ?? 0, vetoed);
    }

    /// <summary>Sets (or replaces) this stage's score of an indicator.</summary>
    public void Score(int indicatorId, ScoreStage stage, decimal score, bool vetoHit, string? note, string by, DateTime at)
    {
        var existing = Scores.FirstOrDefault(s => s.IndicatorId == indicatorId && s.Stage == stage);
        if (existing is null)
        {
            Scores.Add(new IndicatorScore(indicatorId, stage, score, vetoHit, note, by, at));
        }
        else
        {
            existing.Change(score, vetoHit, note, by, at);
        }
    }

    public void Submit(string by, DateTime at)
    {
        Status = BranchStatus.Submitted;
        SubmittedBy = by;
        SubmittedAt = at;
    }

    public void Review(bool forward, string? note, string by, DateTime at)
    {
        Status = forward ? BranchStatus.Forwarded : BranchStatus.Returned;
        ReviewNote = note;
        ReviewedBy = by;
        ReviewedAt = at;
    }

    public void Reopen(string? note, string by, DateTime at) => Review(false, note, by, at);

    public void SetEvaluation(decimal score) => EvaluationScore = score;

    public void Decide(decimal evaluation, string by, DateTime at)
    {
        EvaluationScore = evaluation;
        Status = BranchStatus.Decided;
        DecidedBy = by;
        DecidedAt = at;
    }

    public void Publish(GradingInput input, GradingOutcome outcome)
    {
        Basic = input.Basic;
        Deductions = input.Deductions;
        Total = outcome.Total;
        Rank = outcome.Rank;
        Stars = outcome.Stars;
        Category = outcome.Category;
        Rectify = outcome.Rectify;
        Vetoed = outcome.Vetoed;
    }
}

/// <summary>One stage's score of one indicator for one branch, with the note that explains it (the community's and the
/// street's adjustments need a reason).</summary>
public sealed class IndicatorScore
{
    private IndicatorScore() { }

    public IndicatorScore(int indicatorId, ScoreStage stage, decimal score, bool vetoHit, string? note, string by, DateTime at)
    {
        IndicatorId = indicatorId;
        Stage = stage;
        Change(score, vetoHit, note, by, at);
    }

    public int Id { get; private set; }
    public int BranchGradingId { get; private set; }
    public int IndicatorId { get; private set; }
    public ScoreStage Stage { get; private set; }
    public decimal Score { get; private set; }
    public bool VetoHit { get; private set; }
    public string? Note { get; private set; }
    public string By { get; private set; } = "";
    public DateTime At { get; private set; }

    public void Change(decimal score, bool vetoHit, string? note, string by, DateTime at)
    {
        Score = score;
        VetoHit = vetoHit;
        Note = note;
        By = by;
        At = at;
    }
}

/// <summary>A file a branch offers as evidence for one indicator, stored in the database.</summary>
public sealed class GradingEvidence : StoredFile
{
    private GradingEvidence() { }

    public GradingEvidence(int branchGradingId, int indicatorId, string fileName, string contentType, byte[] content, string by, DateTime at)
        : base(fileName, contentType, content, by, at)
    {
        BranchGradingId = branchGradingId;
        IndicatorId = indicatorId;
    }

    public int BranchGradingId { get; private set; }
    public int IndicatorId { get; private set; }
}

/// <summary>An objection to a posted grade, raised by anyone during the posting (with a name and a phone to answer) and
/// answered by the street.</summary>
public sealed class GradingObjection
{
    public const int MaxName = 30;
    public const int MaxPhone = 20;
    public const int MaxText = 500;

    private GradingObjection() { }

    public GradingObjection(int branchGradingId, string name, string phone, string text, string? userName, DateTime at, string? submissionToken = null)
    {
        SubmissionToken = submissionToken;
        BranchGradingId = branchGradingId;
        Name = name;
        Phone = phone;
        Text = text;
        UserName = userName;
        RaisedAt = at;
    }

    public int Id { get; private set; }
    public int BranchGradingId { get; private set; }
    public string Name { get; private set; } = "";
    public string Phone { get; private set; } = "";
    public string Text { get; private set; } = "";
    public string? UserName { get; private set; }
    public DateTime RaisedAt { get; private set; }

    /// <summary>The one-time token of the public form that raised the objection (<see cref="FormOnce"/>), or null.</summary>
    public string? SubmissionToken { get; private set; }

    public string? Answer { get; private set; }
    public string? AnsweredBy { get; private set; }
    public DateTime? AnsweredAt { get; private set; }

    public void Reply(string answer, string by, DateTime at)
    {
        Answer = answer;
        AnsweredBy = by;
        AnsweredAt = at;
    }
}
