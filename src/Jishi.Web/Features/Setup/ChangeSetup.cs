using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Setup;

/// <summary>What the office records on the guide itself: a step put aside or taken up again, the tiers kept as they are,
/// the guide dismissed. Each answers with the guide's new state.</summary>
public sealed class ChangeSetup(JishiDbContext db, CurrentUser user, SetupStatus status)
{
    public Task<Result<SetupStatusDto>> SkipAsync(SetupStep step, CancellationToken ct) => ChangeAsync(p => p.Skip(step), ct);

    public Task<Result<SetupStatusDto>> ResumeAsync(SetupStep step, CancellationToken ct) => ChangeAsync(p => p.Resume(step), ct);

    public Task<Result<SetupStatusDto>> ConfirmTiersAsync(CancellationToken ct) => ChangeAsync(p => p.ConfirmTiers(), ct);

    public Task<Result<SetupStatusDto>> DismissAsync(CancellationToken ct) => ChangeAsync(p => p.Dismiss(), ct);

    private async Task<Result<SetupStatusDto>> ChangeAsync(Action<SetupProgress> change, CancellationToken ct)
    {
        if (await SetupStatus.OwnStreetAsync(db, user, ct) is not { } street)
        {
            return Error.NotFound("Entity.Unit");
        }
        var progress = await db.SetupProgress.FirstOrDefaultAsync(p => p.StreetId == street.Id, ct);
        if (progress is null)
        {
            progress = new SetupProgress(street.Id);
            db.SetupProgress.Add(progress);
        }
        change(progress);
        await db.SaveChangesAsync(ct);
        return await status.HandleAsync(ct);
    }
}
