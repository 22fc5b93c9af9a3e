using Jishi.Web.Shared;

namespace Jishi.Web.Features.MemberEvaluation;

public enum EvaluationStatus
{
    Draft = 0,
    SelfAssessment = 1,
    Voting = 2,
    Closed = 3,
    Decided = 4,
}

/// <summary>One branch's 民主评议党员 of one year. Its members are taken when the round is created: full members are graded,
/// probationary members are listed but not graded. Eligible voters are the graded (full) members.</summary>
public sealed class EvaluationRound
{
    public const int MaxTitle = 100;

    private EvaluationRound() { }

    public EvaluationRound(int unitId, int year, string title, string createdBy, DateTime createdAt)
    {
        UnitId = unitId;
        Year = year;
        Title = title;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }
    public int UnitId { get; private set; }
    public int Year { get; private set; }
    public string Title { get; private set; } = "";
    public EvaluationStatus Status { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateOnly? MeetingDate { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAt { get; private set; }

    public List<EvaluationParticipant> Participants { get; private set; } = [];

    public int EligibleVoters => Participants.Count(p => p.IsGraded);

    public bool AcceptsSelfAssessments => Status is EvaluationStatus.Draft or EvaluationStatus.SelfAssessment;
    public bool AcceptsTokens => Status is EvaluationStatus.SelfAssessment or EvaluationStatus.Voting;
    public bool AcceptsBallots => Status == EvaluationStatus.Voting;

    /// <summary>Draft → 自评 → 投票 → 计票结束; the decision (<see cref="Decide"/>) is the last step.</summary>
    public bool TryAdvance()
    {
        if (Status is EvaluationStatus.Closed or EvaluationStatus.Decided)
        {
            return false;
        }
        Status++;
        return true;
    }

    /// <summary>Why a second vote (重新投票) is not held: only a closed round whose vote missed its quorum votes again.</summary>
    public Error? WhyNotRevote(bool quorumMet) =>
        Status != EvaluationStatus.Closed ? EvaluationErrors.WrongState(Status, "Evaluation.Action.Revote")
        : quorumMet ? Error.Conflict("Evaluation.QuorumAlreadyMet")
        : null;

    /// <summary>Back to 投票 for a second vote, every count at zero: the first vote, short of its quorum, decides nothing.
    /// The caller voids the first vote's tokens.</summary>
    public Error? Revote(bool quorumMet)
    {
        if (WhyNotRevote(quorumMet) is { } refused)
        {
            return refused;
        }
        foreach (var p in Participants)
        {
            p.ClearVotes();
        }
        Status = EvaluationStatus.Voting;
        return null;
    }

    /// <summary>Records the branch meeting's decision; the caller has checked the quorum and <see cref="EvaluationRules"/>.</summary>
    public void Decide(IReadOnlyDictionary<int, MemberGrade> grades, DateOnly meetingDate, string by, DateTime at)
    {
        foreach (var p in Participants.Where(p => p.IsGraded))
        {
            p.Decided = grades[p.Id];
        }
        MeetingDate = meetingDate;
        DecidedBy = by;
        DecidedAt = at;
        Status = EvaluationStatus.Decided;
    }
}

/// <summary>A member of the round's branch, with their self-assessment, the running count of ballots per grade (updated by
/// <see cref="EvaluationBallotWriter"/> in the ballot's transaction), the decided grade and, for 不合格, the follow-up.</summary>
public sealed class EvaluationParticipant
{
    public const int MaxText = 4000;

    private EvaluationParticipant() { }

    public EvaluationParticipant(int memberId, string name, bool isGraded)
    {
        MemberId = memberId;
        Name = name;
        IsGraded = isGraded;
    }

    public int Id { get; private set; }
    public int RoundId { get; private set; }
    public int MemberId { get; private set; }
    public string Name { get; private set; } = "";
    public bool IsGraded { get; private set; }

    public string? SelfAssessment { get; private set; }
    public string? SelfAssessedBy { get; private set; }
    public DateTime? SelfAssessedAt { get; private set; }

    public int Excellent { get; private set; }
    public int Qualified { get; private set; }
    public int BasicallyQualified { get; private set; }
    public int Unqualified { get; private set; }

    public MemberGrade? Decided { get; internal set; }

    public DateOnly? FollowUpDeadline { get; private set; }
    public string? FollowUpMeasures { get; private set; }
    public FollowUpOutcome? FollowUpOutcome { get; private set; }
    public string? FollowUpNote { get; private set; }
    public string? FollowUpBy { get; private set; }

    internal void ClearVotes() => (Excellent, Qualified, BasicallyQualified, Unqualified) = (0, 0, 0, 0);

    public void WriteSelfAssessment(string text, string by, DateTime at)
    {
        SelfAssessment = text;
        SelfAssessedBy = by;
        SelfAssessedAt = at;
    }

    /// <summary>限期改正 of an 不合格 member: deadline and measures, and once known the outcome.</summary>
    public void RecordFollowUp(DateOnly deadline, string measures, FollowUpOutcome? outcome, string? note, string by)
    {
        FollowUpDeadline = deadline;
        FollowUpMeasures = measures;
        FollowUpOutcome = outcome;
        FollowUpNote = note;
        FollowUpBy = by;
    }
}

/// <summary>A signed peer comment (互评) on a participant.</summary>
public sealed class EvaluationComment
{
    public const int MaxText = 500;

    private EvaluationComment() { }

    public EvaluationComment(int roundId, int participantId, string authorName, string text, string createdBy, DateTime createdAt)
    {
        RoundId = roundId;
        ParticipantId = participantId;
        AuthorName = authorName;
        Text = text;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }
    public int RoundId { get; private set; }
    public int ParticipantId { get; private set; }
    public string AuthorName { get; private set; } = "";
    public string Text { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
}

/// <summary>A one-time right to cast one anonymous ballot in a round: only its hash is stored (the scheme of
/// <see cref="Reviews.BallotToken"/>), and nothing records which ballot spent it.</summary>
[NotAudited]
public sealed class EvaluationToken
{
    private EvaluationToken() { }

    public EvaluationToken(int roundId, string hash)
    {
        RoundId = roundId;
        Hash = hash;
    }

    public long Id { get; private set; }
    public int RoundId { get; private set; }
    public string Hash { get; private set; } = "";
    public bool Used { get; private set; }
}
