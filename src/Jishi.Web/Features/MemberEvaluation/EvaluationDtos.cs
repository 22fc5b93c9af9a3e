using Jishi.Web.Features.Organizations;

namespace Jishi.Web.Features.MemberEvaluation;

public sealed record RoundRow(int Id, int UnitId, string UnitName, int Year, string Title, EvaluationStatus Status, int Graded,
    DateTime? DecidedAt);

/// <summary>Votes per grade; shown once voting has closed, never while it runs.</summary>
public sealed record VoteCounts(int Excellent, int Qualified, int BasicallyQualified, int Unqualified)
{
    public int VotesFor(MemberGrade grade) => grade switch
    {
        MemberGrade.Excellent => Excellent,
        MemberGrade.Qualified => Qualified,
        MemberGrade.BasicallyQualified => BasicallyQualified,
        _ => Unqualified,
    };
}

public sealed record FollowUpDto(DateOnly Deadline, string Measures, FollowUpOutcome? Outcome, string? Note, string? RecordedBy);

public sealed record CommentDto(int Id, string AuthorName, string Text, DateTime CreatedAt);

/// <param name="AssessmentScore">The member's points of the round's year (MemberPoints, or the base score without entries).</param>
public sealed record ParticipantDto(int Id, int MemberId, string Name, bool IsGraded, string? SelfAssessment, string? SelfAssessedBy,
    VoteCounts? Votes, MemberGrade? Decided, decimal AssessmentScore, int Stars, FollowUpDto? FollowUp, IReadOnlyList<CommentDto> Comments);

/// <param name="Quorum">The fewest ballots that make the vote valid (more than half of <paramref name="EligibleVoters"/>).</param>
public sealed record RoundDto(int Id, int UnitId, string UnitName, int Year, string Title, EvaluationStatus Status, int EligibleVoters,
    int Quorum, int TokensIssued, int BallotsCast, bool QuorumMet, int MaxExcellent, DateOnly? MeetingDate, string? DecidedBy,
    DateTime? DecidedAt, IReadOnlyList<ParticipantDto> Participants);

public sealed record Turnout(int EligibleVoters, int Quorum, int TokensIssued, int BallotsCast, bool QuorumMet);

public sealed record IssuedTokens(IReadOnlyList<string> Tokens);

/// <summary>What a member sees of the round of their branch that waits for their self-assessment.</summary>
public sealed record MySelfAssessment(int RoundId, string Title, int Year, string UnitName, string? Text);

public static class EvaluationDtoMapping
{
    /// <summary>The participant with their year's score and stars; the votes only when <paramref name="showVotes"/> (voting has
    /// closed) and only for a graded member.</summary>
    public static ParticipantDto AsDto(this EvaluationParticipant p, bool showVotes, decimal score, int stars,
        IEnumerable<EvaluationComment> comments) =>
        new(p.Id, p.MemberId, p.Name, p.IsGraded, p.SelfAssessment, p.SelfAssessedBy,
            showVotes && p.IsGraded ? new VoteCounts(p.Excellent, p.Qualified, p.BasicallyQualified, p.Unqualified) : null,
            p.Decided, score, stars,
            p.FollowUpDeadline is { } deadline
                ? new FollowUpDto(deadline, p.FollowUpMeasures ?? "", p.FollowUpOutcome, p.FollowUpNote, p.FollowUpBy)
                : null,
            comments.Select(c => new CommentDto(c.Id, c.AuthorName, c.Text, c.CreatedAt)).ToList());

    public static RoundDto AsDto(this EvaluationRound round, Unit unit, Turnout turnout, IReadOnlyList<ParticipantDto> participants) =>
        new(round.Id, unit.Id, unit.Name, round.Year, round.Title, round.Status, turnout.EligibleVoters, turnout.Quorum,
            turnout.TokensIssued, turnout.BallotsCast, turnout.QuorumMet, EvaluationRules.MaxExcellent(turnout.EligibleVoters),
            round.MeetingDate, round.DecidedBy, round.DecidedAt, participants);
}
