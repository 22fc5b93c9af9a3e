using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Data;
using Jishi.Web.Shared.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Committees;

/// <summary>Records a unit's newly elected committee (换届): the current one is closed on the new election's date and kept
/// as history. The seats are members of the unit's subtree; a seat without a member is vacant.</summary>
public sealed class ElectCommittee(JishiDbContext db, CurrentUser user, TimeProvider clock, CommitteeQueries queries)
{
    public sealed record SeatRequest(int? MemberId, CommitteePost Post);

    public sealed record ElectRequest(DateOnly ElectedOn, int? TermYears, IReadOnlyList<SeatRequest>? Members);

    public async Task<Result<CommitteeDto>> ElectAsync(int unitId, ElectRequest request, CancellationToken ct)
    {
        if (await db.FindVisibleUnitAsync(user, unitId, ct) is not { } unit)
        {
            return Error.NotFound("Entity.Unit");
        }
        if (!Committee.HasCommittee(unit.Kind))
        {
            return Error.Invalid("Committee.NoCommittee");
        }
        var seats = (request.Members ?? []).Select(s => new SeatInput(s.MemberId, s.Post)).ToList();
        var named = seats.Where(s => s.MemberId is not null).Select(s => s.MemberId!.Value).Distinct().ToList();
        var eligible = (await db.Members.Within(unit.Path).Where(m => named.Contains(m.Id) && m.Status == MemberStatus.Active)
            .Select(m => m.Id).ToListAsync(ct)).ToHashSet();
        var current = await db.Committees.Include(c => c.Seats).FirstOrDefaultAsync(c => c.UnitId == unitId && c.ClosedOn == null, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var elected = Committee.Elect(unitId, request.ElectedOn, request.TermYears ?? Committee.DefaultTermYears(unit.Kind), seats,
            eligible, current, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), user.UserName ?? "", now);
        if (!elected.IsSuccess)
        {
            return elected.Error!;
        }
        db.Committees.Add(elected.Value!);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("Committee.ElectedMeanwhile");
        }
        return await queries.CommitteeAsync(elected.Value!.Id, ct);
    }
}
