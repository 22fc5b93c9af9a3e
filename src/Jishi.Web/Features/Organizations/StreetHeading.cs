using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Organizations;

/// <summary>The district and name of the caller's street, as a printed sheet heads them ("城关区 东岗街道党工委").</summary>
public sealed class StreetHeading(JishiDbContext db, CurrentUser user)
{
    public sealed record Heading(string? District, string Street);

    public async Task<Heading?> HandleAsync(CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        if (scope is "-" or "/")
        {
            return null;
        }
        var path = "/" + Unit.IdsOf(scope)[0] + "/";
        return await db.Units.AsNoTracking().Where(u => u.Path == path).Select(u => new Heading(u.District, u.Name)).FirstOrDefaultAsync(ct);
    }
}
