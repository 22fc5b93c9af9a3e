using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.MemberEvaluation;

/// <summary>Reads of 民主评议党员 rounds, and the one way the use cases load a round. Everything is scoped: a round is seen
/// and changed only by callers whose subtree holds its branch (a branch secretary: their branch).</summary>
public sealed class EvaluationRoundQueries(JishiDbContext db, CurrentUser user, RuleSetLookup rules)
{
    public async Task<IReadOnlyList<RoundRow>> ListAsync(int? year, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        var rows = await (from r in db.EvaluationRounds.AsNoTracking()
                          join u in db.Units.Within(scope) on r.UnitId equals u.Id
                          where year == null || r.Year == year
                          orderby r.Year descending, u.Path
                          select new RoundRow(r.Id, r.UnitId, u.Name, r.Year, r.Title, r.Status, r.Participants.Count(p => p.IsGraded),
                              r.DecidedAt))
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

    /// <summary>The round with its participants, tracked, and its branch, when the caller's subtree holds the branch.</summary>
    public async Task<(EvaluationRound Round, Unit Unit)?> FindAsync(int id, CancellationToken ct)
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

    /// <summary>The tokens issued and the ballots cast, against the quorum of the round's eligible voters.</summary>
    public async Task<Turnout> TurnoutOfAsync(EvaluationRound round, CancellationToken ct)
    {
        var tokens = await db.EvaluationTokens.Where(t => t.RoundId == round.Id).GroupBy(t => t.Used)
            .Select(g => new { Used = g.Key, N = g.Count() }).ToListAsync(ct);
        var cast = tokens.Where(t => t.Used).Sum(t => t.N);
        return new Turnout(round.EligibleVoters, EvaluationRules.Quorum(round.EligibleVoters), tokens.Sum(t => t.N), cast,
            EvaluationRules.QuorumMet(cast, round.EligibleVoters));
    }

    /// <summary>The round as it now is, with each participant's score and stars of the round's year.</summary>
    public async Task<RoundDto> DtoAsync(EvaluationRound round, Unit unit, CancellationToken ct)
    {
        var turnout = await TurnoutOfAsync(round, ct);
        var memberIds = round.Participants.Select(p => p.MemberId).ToList();
        var members = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).Select(m => new { m.Id, m.Tier })
            .ToDictionaryAsync(m => m.Id, m => m.Tier, ct);
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
            return p.AsDto(showVotes, score, standards.StarsOf(street, tier).StarsFor(score), comments[p.Id]);
        }).ToList();
        return round.AsDto(unit, turnout, participants);
    }
}
