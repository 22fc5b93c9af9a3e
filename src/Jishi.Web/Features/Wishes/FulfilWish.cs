using Jishi.Web.Data;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Data;
using Jishi.Web.Shared.Files;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Wishes;

/// <summary>The claiming member (or staff for them) reports the wish done, with what was done and optional photos.</summary>
public sealed class FulfilWish(JishiDbContext db, CurrentUser user, TimeProvider clock, WishCaller caller, WishQueries queries)
{
    public sealed record FulfilRequest(string? Note);

    public async Task<Result<WishDto>> FulfilAsync(int id, FulfilRequest request, IReadOnlyList<UploadedFile> evidence, CancellationToken ct)
    {
        var access = await caller.AccessAsync(ct);
        if (await caller.MayActAsClaimerAsync(id, access, ct) is { } denied)
        {
            return denied;
        }
        if (Wish.CheckText("note", request.Note, "Wishes.NoteRequired") is { } invalid)
        {
            return invalid;
        }
        var photos = new List<CheckedFile>();
        foreach (var file in evidence)
        {
            var checkedPhoto = await WishPhotos.CheckAsync(file, ct);
            if (!checkedPhoto.IsSuccess)
            {
                return checkedPhoto.Error!;
            }
            photos.Add(checkedPhoto.Value!);
        }
        var (by, now) = (user.UserName ?? Wish.ResidentActor, clock.GetUtcNow().UtcDateTime);
        var changed = await db.ApplyAsync("Entity.Wish", () => db.Wishes.FirstOrDefaultAsync(w => w.Id == id, ct), w => w.WhyNotFulfillable(), w =>
        {
            w.Fulfil(request.Note!.Trim(), now);
            db.WishFiles.AddRange(photos.Select(p => new WishFile(w.Id, WishFileKind.Evidence, p.FileName, p.ContentType, p.Content, by, now)));
        }, ct);
        return changed.IsSuccess ? await queries.DtoAsync(id, access, ct) : changed.Error!;
    }
}
