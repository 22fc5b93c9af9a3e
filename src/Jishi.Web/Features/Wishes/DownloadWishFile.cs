using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Wishes;

/// <summary>A picture of a wish, for whoever sees its resident in clear (<see cref="WishAccess.SeesResident"/>).</summary>
public sealed class DownloadWishFile(JishiDbContext db, WishCaller caller)
{
    public async Task<Result<WishFileDownload>> HandleAsync(int id, int fileId, CancellationToken ct)
    {
        var access = await caller.AccessAsync(ct);
        if (await caller.FindAsync(id, access, ct) is not { } wish || !access.SeesResident(wish))
        {
            return Error.NotFound("Entity.Wish");
        }
        return await db.WishFiles.AsNoTracking().Where(f => f.Id == fileId && f.WishId == id)
                .Select(f => new WishFileDownload(f.FileName, f.ContentType, f.Content)).FirstOrDefaultAsync(ct) is { } file
            ? file
            : Error.NotFound("Entity.WishFile");
    }
}
