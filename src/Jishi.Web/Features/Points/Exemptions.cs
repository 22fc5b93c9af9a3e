using Jishi.Web.Data;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Points;

/// <summary>Records and lifts exemptions of members in the caller's subtree.</summary>
public sealed class Exemptions(JishiDbContext db, CurrentUser user, TimeProvider clock)
{
    public const int MaxDecidedBy = 100;

    public sealed record ExemptRequest(int MemberId, int? Year, string? DecidedBy, DateOnly? DecidedOn, string? Reason);

    public sealed record ExemptionDto(int Id, int MemberId, string MemberName, int Year, string DecidedBy, DateOnly DecidedOn, string Reason,
        string RecordedBy);

    public sealed record ListRequest(int? Year = null);

    /// <summary>The exemptions of members in the caller's subtree, of a year or all, latest year first.</summary>
    public async Task<IReadOnlyList<ExemptionDto>> ListAsync(ListRequest r, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        return await (from x in db.Exemptions.AsNoTracking()
                      join m in db.Members.Within(scope) on x.MemberId equals m.Id
                      where r.Year == null || x.Year == r.Year
                      orderby x.Year descending, m.Name
                      select new ExemptionDto(x.Id, x.MemberId, m.Name, x.Year, x.DecidedBy, x.DecidedOn, x.Reason, x.RecordedBy)).ToListAsync(ct);
    }

    /// <summary>The member's exemption of a year, if the member is in the caller's subtree and exempted.</summary>
    public async Task<ExemptionDto?> OfMemberAsync(int memberId, int year, CancellationToken ct) =>
        (await ListAsync(new ListRequest(year), ct)).FirstOrDefault(x => x.MemberId == memberId);

    public async Task<Result<ExemptionDto>> ExemptAsync(ExemptRequest r, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        var member = await db.Members.AsNoTracking().Within(scope).Where(m => m.Id == r.MemberId)
            .Select(m => new { m.Id, m.Name, m.Tier }).FirstOrDefaultAsync(ct);
        if (member is null)
        {
            return Error.NotFound("Entity.Member");
        }
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var problems = new List<FieldProblem>();
        if (member.Tier != Exemption.Tier)
        {
            problems.Add(new("memberId", "Points.ExemptTierOnly", member.Name, Exemption.Tier));
        }
        if (r.Year is not (>= Standings.MinYear and <= Standings.MaxYear))
        {
            problems.Add(new("year", "Boards.YearRange", Standings.MinYear, Standings.MaxYear));
        }
        if (string.IsNullOrWhiteSpace(r.DecidedBy) || r.DecidedBy.Trim().Length > MaxDecidedBy)
        {
            problems.Add(new("decidedBy", "Points.ExemptDecidedBy", MaxDecidedBy));
        }
        if (r.DecidedOn is not { } on || on > today || on.Year < Standings.MinYear)
        {
            problems.Add(new("decidedOn", "Points.ExemptDecidedOn"));
        }
        if (string.IsNullOrWhiteSpace(r.Reason) || r.Reason.Trim().Length > PointsLedger.MaxNote)
        {
            problems.Add(new("reason", "Points.ExemptReason", PointsLedger.MaxNote));
        }
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        if (await db.Exemptions.AnyAsync(x => x.MemberId == member.Id && x.Year == r.Year, ct))
        {
            return Error.Conflict("Points.ExemptionExists", member.Name, r.Year!.Value);
        }
        var exemption = new Exemption(member.Id, r.Year!.Value, r.DecidedBy!.Trim(), r.DecidedOn!.Value, r.Reason!.Trim(),
            user.UserName ?? "system", clock.GetUtcNow().UtcDateTime);
        db.Exemptions.Add(exemption);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return Error.Conflict("Points.ExemptionExists", member.Name, r.Year.Value);
        }
        return new ExemptionDto(exemption.Id, member.Id, member.Name, exemption.Year, exemption.DecidedBy, exemption.DecidedOn, exemption.Reason,
            exemption.RecordedBy);
    }

    /// <summary>Lifts the member's exemption of a year (the branch revisited its decision); the audit log keeps the record.</summary>
    public async Task<Result<bool>> LiftAsync(int memberId, int year, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        var exemption = await db.Exemptions
            .FirstOrDefaultAsync(x => x.MemberId == memberId && x.Year == year && db.Members.Within(scope).Any(m => m.Id == memberId), ct);
        if (exemption is null)
        {
            return Error.NotFound("Entity.Exemption");
        }
        db.Exemptions.Remove(exemption);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
