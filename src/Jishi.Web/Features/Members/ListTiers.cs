using Jishi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Members;

public sealed class ListTiers(JishiDbContext db)
{
    public async Task<IReadOnlyList<string>> HandleAsync(CancellationToken ct) =>
        await db.MemberTiers.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.SortOrder).Select(t => t.Name).ToListAsync(ct);
}
