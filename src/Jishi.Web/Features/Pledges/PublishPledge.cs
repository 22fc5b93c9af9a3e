using Jishi.Web.Data;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Data;

namespace Jishi.Web.Features.Pledges;

/// <summary>A draft pledge put on the public board; from then on its items stay as the residents saw them.</summary>
public sealed class PublishPledge(JishiDbContext db, TimeProvider clock, PledgeQueries queries)
{
    public async Task<Result<PledgeDto>> PublishAsync(int id, CancellationToken ct)
    {
        var changed = await db.ApplyAsync("Entity.Pledge", () => queries.FindAsync(id, ct), p => p.WhyNotPublishable(),
            p => p.Publish(clock.GetUtcNow().UtcDateTime), ct);
        return changed.IsSuccess ? await queries.DtoAsync(id, ct) : changed.Error!;
    }
}
