using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Pledges;
using Jishi.Web.Features.Points.Postings;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Points.My;

public sealed record MyPledge(int Id, int Year, PledgeStatus Status, IReadOnlyList<PledgeItemDto> Items, string? Grade, string? GradeComment);

/// <summary>A 公示 open today that lists entries of mine; <paramref name="EntryIds"/> are those I may still object to.</summary>
public sealed record MyPosting(int Id, string UnitName, int Year, int Quarter, DateOnly OpensOn, DateOnly ClosesOn, IReadOnlyList<long> EntryIds);

public sealed record MyObjection(int Id, int PostingId, long EntryId, string Reason, DateTime RecordedAt, ObjectionStatus Status, string? Resolution);

/// <summary>GET /api/my/points: the caller's own statement (as managers see it), the years it has points in, pledges, the
/// open 公示 and the objections raised.</summary>
public sealed record MyPointsDto(MemberPointsDto Statement, string UnitName, IReadOnlyList<int> Years, IReadOnlyList<MyPledge> Pledges,
    IReadOnlyList<MyPosting> OpenPostings, IReadOnlyList<MyObjection> Objections);

/// <summary>我的积分: what a party member reads about themself. The member is the one the caller's account is bound to
/// (<see cref="Accounts.AppUser.MemberId"/>), never one named in the request, so no request reaches another member.</summary>
public sealed class MyPoints(JishiDbContext db, CurrentUser user, StatementQueries queries, RecordObjection objecting,
    TimeProvider clock)
{
    public sealed record ObjectionRequest(int PostingId, long EntryId, string? Reason);

    /// <summary><paramref name="year"/> defaults to the latest year with points of mine, else this year.</summary>
    public async Task<Result<MyPointsDto>> GetAsync(int? year, CancellationToken ct)
    {
        if (await MemberIdAsync(ct) is not { } memberId)
        {
            return NoMember;
        }
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var years = await db.MemberPoints.Where(p => p.MemberId == memberId).Select(p => p.Year).ToListAsync(ct);
        var y = year ?? (years.Count > 0 ? years.Max() : today.Year);
        var statement = await queries.StatementAsync(db.Members.Where(m => m.Id == memberId), y, ct);
        if (!statement.IsSuccess)
        {
            return statement.Error!;
        }
        var unit = await db.Members.Where(m => m.Id == memberId).Select(m => new { m.Unit!.Name, m.Unit.Path }).FirstAsync(ct);
        var pledges = await db.Pledges.AsNoTracking().Where(p => p.MemberId == memberId && p.Year == y && p.Status != PledgeStatus.Draft)
            .OrderBy(p => p.Id)
            .Select(p => new MyPledge(p.Id, p.Year, p.Status, p.Items.OrderBy(i => i.Position).Select(i => new PledgeItemDto(i.Position, i.Text, i.Target)).ToList(),
                p.Grade, p.GradeComment))
            .ToListAsync(ct);
        var objections = await db.Objections.AsNoTracking().Where(o => db.LedgerEntries.Any(e => e.Id == o.EntryId && e.MemberId == memberId))
            .OrderBy(o => o.Id).Select(o => new MyObjection(o.Id, o.PostingId, o.EntryId, o.Reason, o.RecordedAt, o.Status, o.Resolution))
            .ToListAsync(ct);
        var above = Unit.IdsOf(unit.Path);
        var open = await db.Postings.AsNoTracking().Where(p => above.Contains(p.UnitId) && p.Year == y && p.OpensOn <= today && p.ClosesOn >= today)
            .OrderBy(p => p.Quarter).ThenBy(p => p.Id).ToListAsync(ct);
        var unitNames = await db.Units.Where(u => above.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var pending = objections.Where(o => o.Status == ObjectionStatus.Open).Select(o => o.EntryId).ToHashSet();
        var openPostings = open.Select(p => new MyPosting(p.Id, unitNames[p.UnitId], p.Year, p.Quarter, p.OpensOn, p.ClosesOn,
                statement.Value!.Entries.Where(e => e.Status == EntryStatus.Approved && e.ReversalOf is null && !e.Reversed && p.Covers(e.OccurredOn)
                    && !pending.Contains(e.Id)).Select(e => e.Id).ToList()))
            .ToList();
        return new MyPointsDto(statement.Value!, unit.Name, years.Append(today.Year).Append(y).Distinct().OrderDescending().ToList(), pledges,
            openPostings, objections);
    }

    /// <summary>Objects to an entry of mine in an open 公示, through the 公示's own rules (window, quarter, unit).</summary>
    public async Task<Result<ObjectionDto>> ObjectAsync(ObjectionRequest request, CancellationToken ct) =>
        await MemberIdAsync(ct) is { } memberId
            ? await objecting.OwnAsync(memberId, request.PostingId,
                new RecordObjection.Request(request.EntryId, request.Reason), ct)
            : NoMember;

    private static Error NoMember => new("My.NoMember", StatusCodes.Status404NotFound);

    private async Task<int?> MemberIdAsync(CancellationToken ct) => user.UserName is { } name
        ? await db.Users.Where(u => u.UserName == name).Select(u => u.MemberId).FirstOrDefaultAsync(ct)
        : null;
}
