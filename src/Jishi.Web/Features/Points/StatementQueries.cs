using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Points;

/// <summary>What a member's points are made of, inside the caller's subtree: a member's statement for a year and the
/// ledger entries (the approval list). Balances come from the stored rows, never from summing the ledger.</summary>
public sealed class StatementQueries(JishiDbContext db, CurrentUser user, TimeProvider clock, RuleSetLookup rules)
{
    public sealed record EntriesRequest(EntryStatus? Status = null, int? UnitId = null, int? Page = null, int? PageSize = null);

    /// <summary>A member's statement for a year: scores, stars and every entry with its rule.</summary>
    public async Task<Result<MemberPointsDto>> MemberAsync(int memberId, int? year, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        return await StatementAsync(db.Members.Within(scope).Where(m => m.Id == memberId), year, ct);
    }

    /// <summary>The statement of the member that <paramref name="found"/> finds (one or none), whoever the caller is: the
    /// caller has already chosen the member (its own scope, or a member reading their own points).</summary>
    public async Task<Result<MemberPointsDto>> StatementAsync(IQueryable<Member> found, int? year, CancellationToken ct)
    {
        var member = await found.AsNoTracking().Select(m => new { m.Id, m.Name, m.Tier, m.Unit!.Path }).FirstOrDefaultAsync(ct);
        if (member is null)
        {
            return Error.NotFound("Entity.Member");
        }
        var y = year ?? Today().Year;
        var street = Unit.StreetOf(member.Path);
        var set = await rules.FindCurrentAsync(street, member.Tier, y, ct);
        var standards = set is null ? await rules.StandardsAsync(y, ct) : Standards.For(set);
        var balance = await db.MemberPoints.AsNoTracking().FirstOrDefaultAsync(p => p.MemberId == member.Id && p.Year == y, ct);
        var baseScore = balance?.BaseScore ?? standards.BaseOf(street, member.Tier);
        var score = balance?.AssessmentScore ?? baseScore;
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.MemberId == member.Id && e.Year == y)
            .OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.Id).Select(PointsProjections.Entry(db)).ToListAsync(ct);
        return new MemberPointsDto(member.Id, member.Name, member.Tier, y, baseScore, score, balance?.Spendable ?? 0,
            standards.StarsOf(street, member.Tier).StarsFor(score), balance?.Vetoes > 0, entries);
    }

    /// <summary>Ledger entries of members in the caller's subtree (or a unit of it), newest first; the approval list is
    /// status=Pending.</summary>
    public async Task<Result<Page<EntryDto>>> EntriesAsync(EntriesRequest r, CancellationToken ct)
    {
        if (await db.ScopeOfAsync(user, r.UnitId, ct) is not { } scope)
        {
            return Error.NotFound("Entity.Unit");
        }
        var query = db.LedgerEntries.AsNoTracking().Where(e => db.Members.Within(scope).Any(m => m.Id == e.MemberId));
        if (r.Status is { } status)
        {
            query = query.Where(e => e.Status == status);
        }
        return await query.OrderByDescending(e => e.RecordedAt).ThenByDescending(e => e.Id).Select(PointsProjections.Entry(db))
            .ToPageAsync(r.Page, r.PageSize, ct);
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
