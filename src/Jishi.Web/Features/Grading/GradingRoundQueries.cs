using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Grading;

/// <summary>The street's grading rounds as its staff read them: the list with each round's progress, one round with its
/// branches, and the objections raised during its posting; the other use cases of a round find it here.</summary>
public sealed class GradingRoundQueries(JishiDbContext db, CurrentUser user, GradingResults results)
{
    public async Task<IReadOnlyList<RoundSummary>> ListAsync(CancellationToken ct)
    {
        var street = await GradingScope.StreetIdAsync(db, user, ct);
        var rounds = await db.GradingRounds.AsNoTracking().Where(r => r.StreetId == street).ToListAsync(ct);
        var ids = rounds.Select(r => r.Id).ToList();
        var counts = await db.BranchGradings.AsNoTracking().Where(g => ids.Contains(g.RoundId))
            .GroupBy(g => new { g.RoundId, g.Status }).Select(g => new { g.Key.RoundId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        int Count(int round, Func<BranchStatus, bool> which) => counts.Where(c => c.RoundId == round && which(c.Status)).Sum(c => c.Count);
        return rounds.OrderByDescending(r => r.Year).ThenByDescending(r => r.Id)
            .Select(r => new RoundSummary(r.Id, r.Year, r.Status, r.SelfEvaluationDeadline, r.PostedOn, r.PostingEndsOn,
                Count(r.Id, _ => true), Count(r.Id, s => s is BranchStatus.Submitted or BranchStatus.Forwarded or BranchStatus.Decided),
                Count(r.Id, s => s == BranchStatus.Decided)))
            .ToList();
    }

    public async Task<Result<RoundDto>> GetAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } round)
        {
            return Error.NotFound("Entity.GradingRound");
        }
        var open = await UnansweredAsync(id, ct);
        return new RoundDto(round.Id, round.Year, round.LibraryId, round.Status, round.SelfEvaluationDeadline, round.PostingDays,
            round.Settings, round.PostedOn, round.PostingEndsOn, round.FinalizedAt, open, await results.LinesAsync(round, "/", ct));
    }

    public async Task<Result<IReadOnlyList<ObjectionDto>>> ObjectionsAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is null)
        {
            return Error.NotFound("Entity.GradingRound");
        }
        var rows = await (from o in db.GradingObjections.AsNoTracking()
                          join g in db.BranchGradings on o.BranchGradingId equals g.Id
                          join u in db.Units on g.UnitId equals u.Id
                          where g.RoundId == id
                          orderby o.Id
                          select new ObjectionDto(o.Id, g.Id, u.Parent!.Name + " " + u.Name, o.Name, o.Phone, o.Text, o.UserName,
                              o.RaisedAt, o.Answer, o.AnsweredBy, o.AnsweredAt)).ToListAsync(ct);
        return rows;
    }

    /// <summary>The round <paramref name="id"/> of the caller's street, tracked; null when it is another street's.</summary>
    public async Task<GradingRound?> FindAsync(int id, CancellationToken ct)
    {
        var street = await GradingScope.StreetIdAsync(db, user, ct);
        return await db.GradingRounds.FirstOrDefaultAsync(r => r.Id == id && r.StreetId == street, ct);
    }

    /// <summary>The objections to the round's grades not answered yet.</summary>
    public Task<int> UnansweredAsync(int id, CancellationToken ct) =>
        db.GradingObjections.CountAsync(o => o.AnsweredAt == null
            && db.BranchGradings.Any(g => g.Id == o.BranchGradingId && g.RoundId == id), ct);
}
