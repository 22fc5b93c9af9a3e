using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Volunteering;

/// <summary>A registered resident volunteer; phone and ID number masked unless the caller sees sensitive data.</summary>
public sealed record VolunteerDto(int Id, int UnitId, string UnitName, string Name, string Phone, IdType IdType, string IdNumber, DateTime CreatedAt);

/// <summary>The registry of resident volunteers, kept by the community (or above) they live in.</summary>
public sealed class VolunteerRegistry(JishiDbContext db, CurrentUser user, TimeProvider clock)
{
    public sealed record SaveRequest(int UnitId, string? Name, string? Phone, IdType? IdType, string? IdNumber);

    public async Task<Result<IReadOnlyList<VolunteerDto>>> ListAsync(int? unitId, CancellationToken ct)
    {
        if (await db.ScopeOfAsync(user, unitId, ct) is not { } scope)
        {
            return Error.NotFound("Entity.Unit");
        }
        var rows = await db.Volunteers.AsNoTracking().Where(v => db.Units.Within(scope).Any(u => u.Id == v.UnitId))
            .OrderBy(v => v.Id).Select(v => new { v, UnitName = db.Units.Where(u => u.Id == v.UnitId).Select(u => u.Name).First() }).ToListAsync(ct);
        return rows.Select(r => Dto(r.v, r.UnitName)).ToList();
    }

    public async Task<Result<VolunteerDto>> GetAsync(int id, CancellationToken ct) =>
        await FindAsync(id, ct) is { } v ? await DtoAsync(v, ct) : Error.NotFound("Entity.Volunteer");

    public async Task<Result<VolunteerDto>> CreateAsync(SaveRequest request, CancellationToken ct)
    {
        if (await db.FindVisibleUnitAsync(user, request.UnitId, ct) is null)
        {
            return Error.NotFound("Entity.Unit");
        }
        if (Validate(request, out var phone, out var idNumber) is { } invalid)
        {
            return invalid;
        }
        var volunteer = new Volunteer(request.UnitId, request.Name!.Trim(), phone, request.IdType!.Value, idNumber, clock.GetUtcNow().UtcDateTime);
        db.Volunteers.Add(volunteer);
        return await SaveAsync(volunteer, ct);
    }

    public async Task<Result<VolunteerDto>> UpdateAsync(int id, SaveRequest request, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } volunteer)
        {
            return Error.NotFound("Entity.Volunteer");
        }
        if (Validate(request, out var phone, out var idNumber) is { } invalid)
        {
            return invalid;
        }
        volunteer.Change(request.Name!.Trim(), phone, request.IdType!.Value, idNumber);
        return await SaveAsync(volunteer, ct);
    }

    public async Task<Volunteer?> FindAsync(int id, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        return await db.Volunteers.FirstOrDefaultAsync(v => v.Id == id && db.Units.Within(scope).Any(u => u.Id == v.UnitId), ct);
    }

    /// <summary>The same document registers once (a unique index decides between two at the same instant).</summary>
    private async Task<Result<VolunteerDto>> SaveAsync(Volunteer volunteer, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("Volunteering.VolunteerExists");
        }
        return await DtoAsync(volunteer, ct);
    }

    private async Task<VolunteerDto> DtoAsync(Volunteer v, CancellationToken ct) =>
        Dto(v, await db.Units.Where(u => u.Id == v.UnitId).Select(u => u.Name).FirstAsync(ct));

    private VolunteerDto Dto(Volunteer v, string unitName) => new(v.Id, v.UnitId, unitName, v.Name,
        user.SeesSensitiveData ? v.Phone : Masking.Phone(v.Phone)!, v.IdType,
        user.SeesSensitiveData ? v.IdNumber : Masking.IdNumber(v.IdNumber)!, v.CreatedAt);

    private static ValidationError? Validate(SaveRequest r, out string phone, out string idNumber)
    {
        var problems = new List<FieldProblem>();
        Texts.Require(problems, "name", r.Name, Volunteer.MaxName);
        phone = Phones.Normalize(r.Phone);
        if (!MemberRules.IsValidPhone(phone))
        {
            problems.Add(new("phone", "Volunteering.PhoneInvalid"));
        }
        idNumber = MemberRules.NormalizeIdNumber(r.IdNumber) ?? "";
        if (r.IdType is not { } type || !Enum.IsDefined(type))
        {
            problems.Add(new("idType", "Volunteering.IdTypeRequired"));
        }
        else if (type == IdType.ResidentId ? !MemberRules.IsValidIdNumber(idNumber) : idNumber.Length is < 5 or > Volunteer.MaxIdNumber)
        {
            problems.Add(new("idNumber", "Volunteering.IdNumberInvalid"));
        }
        return problems.Count > 0 ? new ValidationError(problems) : null;
    }
}

public static class Phones
{
    /// <summary>Digits only, full-width ones made ASCII: "138 0013-8000" and "１３８００１３８０００" match "13800138000".</summary>
    public static string Normalize(string? phone) => new((MemberRules.NormalizeDigits(phone) ?? "").Where(char.IsAsciiDigit).ToArray());
}
