using Jishi.Web.Data;
using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Members;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Points;

/// <summary>免评: by the branch's decision a 年老体弱 member is not assessed for a year. The member keeps a ledger, but the
/// year-end sheet shows 免评 instead of a band and rank, and no low-score warning is raised. One per member and year.</summary>
public sealed class Exemption
{
    /// <summary>The tier whose members may be exempted (issue 4: 年老体弱 "may be exempted by the branch's decision").</summary>
    public const string Tier = "年老体弱";

    private Exemption() { }

    public Exemption(int memberId, int year, string decidedBy, DateOnly decidedOn, string reason, string recordedBy, DateTime recordedAt)
    {
        MemberId = memberId;
        Year = year;
        DecidedBy = decidedBy;
        DecidedOn = decidedOn;
        Reason = reason;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public int Id { get; private set; }
    public int MemberId { get; private set; }
    public int Year { get; private set; }

    /// <summary>The body that decided, as its minutes name it (e.g. 第一党支部支委会).</summary>
    public string DecidedBy { get; private set; } = "";

    public DateOnly DecidedOn { get; private set; }
    public string Reason { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }
}

public sealed class ExemptionConfiguration : IEntityTypeConfiguration<Exemption>
{
    public void Configure(EntityTypeBuilder<Exemption> b)
    {
        b.Property(x => x.DecidedBy).HasMaxLength(Exemptions.MaxDecidedBy);
        b.Property(x => x.Reason).HasMaxLength(PointsLedger.MaxNote);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.MemberId, x.Year }).IsUnique();
        b.HasIndex(x => x.Year);
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

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

public static class ExemptionEndpoints
{
    public static IEndpointRouteBuilder MapPointsExemptions(this IEndpointRouteBuilder app)
    {
        // The branch decides and its secretary (or the community, the street) records it, within their subtree.
        var group = app.MapGroup("/api/points/exemptions").WithTags("Points").RequireAuthorization(Policies.OrgManager);
        group.MapGet("", async ([AsParameters] Exemptions.ListRequest request, Exemptions exemptions, CancellationToken ct) =>
            TypedResults.Ok(await exemptions.ListAsync(request, ct)));
        group.MapPost("", async (Exemptions.ExemptRequest request, Exemptions exemptions, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await exemptions.ExemptAsync(request, ct)).ToHttp(text, x => TypedResults.Created($"/api/points/exemptions?memberId={x.MemberId}&year={x.Year}", x)))
            .Produces<Exemptions.ExemptionDto>(201).ProducesValidationProblem();
        group.MapDelete("", async (int memberId, int year, Exemptions exemptions, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await exemptions.LiftAsync(memberId, year, ct)).ToHttp(text, _ => TypedResults.NoContent()));
        return app;
    }
}
