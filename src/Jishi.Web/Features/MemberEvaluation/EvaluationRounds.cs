using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Points;
using Jishi.Web.Features.Reviews;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.MemberEvaluation;

/// <summary>民主评议党员 rounds from creation to the branch's decision and the follow-up of 不合格 members. Everything is
/// scoped: a round is seen and changed only by callers whose subtree holds its branch (a branch secretary: their branch).</summary>
public sealed class EvaluationRounds(JishiDbContext db, CurrentUser user, TimeProvider clock, RuleSetLookup rules)
{
    public sealed record CreateRequest(int UnitId, int Year, string? Title);

    public sealed record TextRequest(string? Text);

    public sealed record CommentRequest(int ParticipantId, string? AuthorName, string? Text);

    public sealed record TokensRequest(int Count);

    public sealed record GradeChoice(int ParticipantId, MemberGrade Grade);

    public sealed record DecisionRequest(DateOnly? MeetingDate, IReadOnlyList<GradeChoice>? Grades);

    public sealed record FollowUpRequest(DateOnly? Deadline, string? Measures, FollowUpOutcome? Outcome, string? Note);

    public async Task<IReadOnlyList<RoundRow>> ListAsync(int? year, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        var rows = await (from r in db.EvaluationRounds.AsNoTracking()
                          join u in db.Units.Within(scope) on r.UnitId equals u.Id
                          where year == null || r.Year == year
                          orderby r.Year descending, u.Path
                          select new RoundRow(r.Id, r.UnitId, u.Name, r.Year, r.Title, r.Status, r.Participants.Count(p => p.IsGraded), r.DecidedAt))
            .ToListAsync(ct);
        return rows;
    }

    public async Task<Result<RoundDto>> GetAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } found)
        {
            return EvaluationErrors.NotFound;
        }
        return await DtoAsync(found.Round, found.Unit, ct);
    }

    public async Task<Result<Turnout>> TurnoutAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } found)
        {
            return EvaluationErrors.NotFound;
        }
        return await TurnoutOfAsync(found.Round, ct);
    }

    public async Task<Result<RoundDto>> CreateAsync(CreateRequest r, CancellationToken ct)
    {
        if (await db.FindVisibleUnitAsync(user, r.UnitId, ct) is not { Kind: UnitKind.Branch } branch)
        {
            return Error.NotFound("Entity.Unit");
        }
        var problems = new List<FieldProblem>();
        if (r.Year is < Standings.MinYear or > Standings.MaxYear)
        {
            problems.Add(new("year", "Evaluation.YearRange", Standings.MinYear, Standings.MaxYear));
        }
        var title = string.IsNullOrWhiteSpace(r.Title) ? null : r.Title.Trim();
        if (title?.Length > EvaluationRound.MaxTitle)
        {
            problems.Add(new("title", "Evaluation.TitleTooLong", EvaluationRound.MaxTitle));
        }
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        if (await db.EvaluationRounds.AnyAsync(x => x.UnitId == branch.Id && x.Year == r.Year, ct))
        {
            return Error.Conflict("Evaluation.Exists", branch.Name, r.Year);
        }
        var round = new EvaluationRound(branch.Id, r.Year, title ?? $"{branch.Name}{r.Year}年度民主评议党员", user.UserName ?? "",
            clock.GetUtcNow().UtcDateTime);
        // Members of the branch and of its party groups; transferred-out and deceased members take no part.
        var members = await db.Members.AsNoTracking().Within(branch.Path).Where(m => m.Status == MemberStatus.Active)
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.Name, m.Category, m.Status }).ToListAsync(ct);
        round.Participants.AddRange(members.Select(m => new EvaluationParticipant(m.Id, m.Name, EvaluationRules.IsGraded(m.Category, m.Status))));
        db.EvaluationRounds.Add(round);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return Error.Conflict("Evaluation.Exists", branch.Name, r.Year);
        }
        return await DtoAsync(round, branch, ct);
    }

    /// <summary>Draft → 自评 → 投票 → 计票结束.</summary>
    public async Task<Result<RoundDto>> AdvanceAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } found)
        {
            return EvaluationErrors.NotFound;
        }
        if (!found.Round.TryAdvance())
        {
            return EvaluationErrors.WrongState(found.Round.Status, "Evaluation.Action.Advance");
        }
        if (await SaveAsync(ct) is { } conflict)
        {
            return conflict;
        }
        return await DtoAsync(found.Round, found.Unit, ct);
    }

    public async Task<Result<RoundDto>> SelfAssessAsync(int id, int participantId, TextRequest r, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } found)
        {
            return EvaluationErrors.NotFound;
        }
        if (found.Round.Participants.FirstOrDefault(p => p.Id == participantId) is not { } participant)
        {
            return EvaluationErrors.ParticipantNotFound;
        }
        if (await WriteSelfAssessmentAsync(found.Round, participant, r.Text, ct) is { } refused)
        {
            return refused;
        }
        return await DtoAsync(found.Round, found.Unit, ct);
    }

    public async Task<Result<RoundDto>> CommentAsync(int id, CommentRequest r, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } found)
        {
            return EvaluationErrors.NotFound;
        }
        if (found.Round.Participants.All(p => p.Id != r.ParticipantId))
        {
            return EvaluationErrors.ParticipantNotFound;
        }
        if (found.Round.Status is not (EvaluationStatus.SelfAssessment or EvaluationStatus.Voting))
        {
            return EvaluationErrors.WrongState(found.Round.Status, "Evaluation.Action.Comment");
        }
        var author = r.AuthorName?.Trim() ?? "";
        var text = r.Text?.Trim() ?? "";
        var problems = new List<FieldProblem>();
        if (author.Length is 0 or > 50)
        {
            problems.Add(new("authorName", "Evaluation.AuthorRequired"));
        }
        if (text.Length is 0 or > EvaluationComment.MaxText)
        {
            problems.Add(new("text", "Evaluation.TextLength", EvaluationComment.MaxText));
        }
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        db.EvaluationComments.Add(new EvaluationComment(id, r.ParticipantId, author, text, user.UserName ?? "", clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        return await DtoAsync(found.Round, found.Unit, ct);
    }

    /// <summary>One token per full member present, shown in clear only in this answer; never more than the eligible voters.</summary>
    public async Task<Result<IssuedTokens>> IssueTokensAsync(int id, TokensRequest r, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } found)
        {
            return EvaluationErrors.NotFound;
        }
        if (!found.Round.AcceptsTokens)
        {
            return EvaluationErrors.WrongState(found.Round.Status, "Evaluation.Action.IssueTokens");
        }
        var left = found.Round.EligibleVoters - await db.EvaluationTokens.CountAsync(t => t.RoundId == id, ct);
        if (r.Count < 1 || r.Count > left)
        {
            return new ValidationError([new FieldProblem("count", "Evaluation.TokenCount", left)]);
        }
        var tokens = Enumerable.Range(0, r.Count).Select(_ => BallotToken.NewToken()).ToList();
        db.EvaluationTokens.AddRange(tokens.Select(t => new EvaluationToken(id, BallotToken.HashOf(t))));
        await db.SaveChangesAsync(ct);
        return new IssuedTokens(tokens);
    }

    public async Task<Result<RoundDto>> DecideAsync(int id, DecisionRequest r, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } found)
        {
            return EvaluationErrors.NotFound;
        }
        var round = found.Round;
        if (round.Status != EvaluationStatus.Closed)
        {
            return EvaluationErrors.WrongState(round.Status, "Evaluation.Action.Decide");
        }
        var turnout = await TurnoutOfAsync(round, ct);
        if (!turnout.QuorumMet)
        {
            return Error.Conflict("Evaluation.NoQuorum", turnout.BallotsCast, turnout.EligibleVoters, turnout.Quorum);
        }
        var choices = r.Grades ?? [];
        var problems = new List<FieldProblem>();
        if (r.MeetingDate is null)
        {
            problems.Add(new("meetingDate", "Evaluation.MeetingDateRequired"));
        }
        if (choices.GroupBy(c => c.ParticipantId).Any(g => g.Count() > 1))
        {
            problems.Add(new("grades", "Evaluation.DuplicateGrade"));
        }
        var grades = choices.DistinctBy(c => c.ParticipantId).ToDictionary(c => c.ParticipantId, c => c.Grade);
        problems.AddRange(EvaluationRules.CheckDecision(round.Participants.Where(p => p.IsGraded).Select(p => p.Id).ToHashSet(), grades));
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        round.Decide(grades, r.MeetingDate!.Value, user.UserName ?? "", clock.GetUtcNow().UtcDateTime);
        if (await SaveAsync(ct) is { } conflict)
        {
            return conflict;
        }
        return await DtoAsync(round, found.Unit, ct);
    }

    /// <summary>限期改正 of a member decided 不合格.</summary>
    public async Task<Result<RoundDto>> FollowUpAsync(int id, int participantId, FollowUpRequest r, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } found)
        {
            return EvaluationErrors.NotFound;
        }
        if (found.Round.Participants.FirstOrDefault(p => p.Id == participantId) is not { } participant)
        {
            return EvaluationErrors.ParticipantNotFound;
        }
        if (participant.Decided != MemberGrade.Unqualified)
        {
            return Error.Conflict("Evaluation.FollowUpOnlyUnqualified", participant.Name);
        }
        var measures = r.Measures?.Trim() ?? "";
        var problems = new List<FieldProblem>();
        if (r.Deadline is null)
        {
            problems.Add(new("deadline", "Evaluation.DeadlineRequired"));
        }
        if (measures.Length is 0 or > EvaluationParticipant.MaxText)
        {
            problems.Add(new("measures", "Evaluation.TextLength", EvaluationParticipant.MaxText));
        }
        if (r.Note?.Length > EvaluationParticipant.MaxText)
        {
            problems.Add(new("note", "Evaluation.TextLength", EvaluationParticipant.MaxText));
        }
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        participant.RecordFollowUp(r.Deadline!.Value, measures, r.Outcome, string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(), user.UserName ?? "");
        await db.SaveChangesAsync(ct);
        return await DtoAsync(found.Round, found.Unit, ct);
    }

    /// <summary>The round of the caller's own branch that takes self-assessments, for a member's account; null when none.</summary>
    public async Task<MySelfAssessment?> MineAsync(CancellationToken ct)
    {
        if (await MyParticipationAsync(ct) is not { } mine)
        {
            return null;
        }
        var unitName = await db.Units.Where(u => u.Id == mine.Round.UnitId).Select(u => u.Name).FirstAsync(ct);
        return new MySelfAssessment(mine.Round.Id, mine.Round.Title, mine.Round.Year, unitName, mine.Participant.SelfAssessment);
    }

    public async Task<Result<MySelfAssessment>> WriteMineAsync(TextRequest r, CancellationToken ct)
    {
        if (await MyParticipationAsync(ct) is not { } mine)
        {
            return EvaluationErrors.NotFound;
        }
        if (await WriteSelfAssessmentAsync(mine.Round, mine.Participant, r.Text, ct) is { } refused)
        {
            return refused;
        }
        return (await MineAsync(ct))!;
    }

    private async Task<(EvaluationRound Round, EvaluationParticipant Participant)?> MyParticipationAsync(CancellationToken ct)
    {
        // The member bound to the account, never one named in the request.
        var memberId = user.UserName is { } name ? await db.Users.Where(u => u.UserName == name).Select(u => u.MemberId).FirstOrDefaultAsync(ct) : null;
        if (memberId is null)
        {
            return null;
        }
        var round = await db.EvaluationRounds.Include(x => x.Participants)
            .Where(x => x.Status == EvaluationStatus.SelfAssessment && x.Participants.Any(p => p.MemberId == memberId))
            .OrderByDescending(x => x.Year).FirstOrDefaultAsync(ct);
        return round is null ? null : (round, round.Participants.Single(p => p.MemberId == memberId));
    }

    private async Task<Error?> WriteSelfAssessmentAsync(EvaluationRound round, EvaluationParticipant participant, string? text, CancellationToken ct)
    {
        if (!round.AcceptsSelfAssessments)
        {
            return EvaluationErrors.WrongState(round.Status, "Evaluation.Action.SelfAssess");
        }
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length is 0 or > EvaluationParticipant.MaxText)
        {
            return new ValidationError([new FieldProblem("text", "Evaluation.TextLength", EvaluationParticipant.MaxText)]);
        }
        participant.WriteSelfAssessment(trimmed, user.UserName ?? "", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return null;
    }

    private async Task<(EvaluationRound Round, Unit Unit)?> FindAsync(int id, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        var round = await db.EvaluationRounds.Include(r => r.Participants).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return null;
        }
        var unit = await db.Units.Within(scope).AsNoTracking().FirstOrDefaultAsync(u => u.Id == round.UnitId, ct);
        return unit is null ? null : (round, unit);
    }

    private async Task<Error?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("Evaluation.ChangedMeanwhile");
        }
    }

    private async Task<Turnout> TurnoutOfAsync(EvaluationRound round, CancellationToken ct)
    {
        var tokens = await db.EvaluationTokens.Where(t => t.RoundId == round.Id).GroupBy(t => t.Used)
            .Select(g => new { Used = g.Key, N = g.Count() }).ToListAsync(ct);
        var cast = tokens.Where(t => t.Used).Sum(t => t.N);
        return new Turnout(round.EligibleVoters, EvaluationRules.Quorum(round.EligibleVoters), tokens.Sum(t => t.N), cast,
            EvaluationRules.QuorumMet(cast, round.EligibleVoters));
    }

    private async Task<RoundDto> DtoAsync(EvaluationRound round, Unit unit, CancellationToken ct)
    {
        var turnout = await TurnoutOfAsync(round, ct);
        var memberIds = round.Participants.Select(p => p.MemberId).ToList();
        var members = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).Select(m => new { m.Id, m.Tier }).ToDictionaryAsync(m => m.Id, m => m.Tier, ct);
        var scores = await db.MemberPoints.AsNoTracking().Where(p => p.Year == round.Year && memberIds.Contains(p.MemberId))
            .ToDictionaryAsync(p => p.MemberId, p => p.AssessmentScore, ct);
        var comments = (await db.EvaluationComments.AsNoTracking().Where(c => c.RoundId == round.Id).OrderBy(c => c.Id).ToListAsync(ct))
            .ToLookup(c => c.ParticipantId);
        var standards = await rules.StandardsAsync(round.Year, ct);
        var street = Unit.StreetOf(unit.Path);
        var showVotes = round.Status is EvaluationStatus.Closed or EvaluationStatus.Decided;
        var participants = round.Participants.OrderBy(p => !p.IsGraded).ThenBy(p => p.Id).Select(p =>
        {
            var tier = members.GetValueOrDefault(p.MemberId, "");
            var score = scores.TryGetValue(p.MemberId, out var s) ? s : standards.BaseOf(street, tier);
            return new ParticipantDto(p.Id, p.MemberId, p.Name, p.IsGraded, p.SelfAssessment, p.SelfAssessedBy,
                showVotes && p.IsGraded ? new VoteCounts(p.Excellent, p.Qualified, p.BasicallyQualified, p.Unqualified) : null,
                p.Decided, score, standards.StarsOf(street, tier).StarsFor(score),
                p.FollowUpDeadline is { } deadline ? new FollowUpDto(deadline, p.FollowUpMeasures ?? "", p.FollowUpOutcome, p.FollowUpNote, p.FollowUpBy) : null,
                comments[p.Id].Select(c => new CommentDto(c.Id, c.AuthorName, c.Text, c.CreatedAt)).ToList());
        }).ToList();
        return new RoundDto(round.Id, unit.Id, unit.Name, round.Year, round.Title, round.Status, turnout.EligibleVoters, turnout.Quorum,
            turnout.TokensIssued, turnout.BallotsCast, turnout.QuorumMet, EvaluationRules.MaxExcellent(turnout.EligibleVoters),
            round.MeetingDate, round.DecidedBy, round.DecidedAt, participants);
    }
}
