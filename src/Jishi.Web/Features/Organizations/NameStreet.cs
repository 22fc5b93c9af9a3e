using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Organizations;

/// <summary>Gives the caller's own street its real name and district (a fresh install starts with a placeholder name).</summary>
public sealed class NameStreet(JishiDbContext db, CurrentUser user)
{
    public sealed record Request(string? Name, string? District);

    public async Task<Result<UnitDto>> HandleAsync(Request request, CancellationToken ct)
    {
        var problems = new List<FieldProblem>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > Unit.MaxName)
        {
            problems.Add(new("name", "Setup.StreetNameInvalid", Unit.MaxName));
        }
        if (string.IsNullOrWhiteSpace(request.District) || request.District.Trim().Length > Unit.MaxDistrict)
        {
            problems.Add(new("district", "Setup.DistrictInvalid", Unit.MaxDistrict));
        }
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        if (user.UnitId is not { } own || await db.FindVisibleUnitAsync(user, own, ct) is not { Kind: UnitKind.Street } street)
        {
            return Error.NotFound("Entity.Unit");
        }
        street.NameStreet(request.Name!, request.District!);
        await db.SaveChangesAsync(ct);
        return street.AsDto();
    }
}
