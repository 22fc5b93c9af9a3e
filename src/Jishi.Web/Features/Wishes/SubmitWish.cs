using System.Security.Cryptography;
using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Scope;
using Jishi.Web.Shared.Files;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Wishes;

/// <summary>A new wish, waiting for review: a resident's own from a phone (no account, any open community), or one staff
/// enter for a resident in a community of their subtree (an older resident without a phone). The resident keeps the
/// tracking code it answers with.</summary>
public sealed class SubmitWish(JishiDbContext db, CurrentUser user, TimeProvider clock)
{
    private const string CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <param name="Once">The form's one-time token (<see cref="FormOnce"/>): a second submission with it stores nothing and
    /// answers with the wish the first one made.</param>
    public sealed record SubmitRequest(int UnitId, string? Name, string? Phone, string? Text, string? Once = null);

    public async Task<Result<WishSubmitted>> SubmitAsync(SubmitRequest request, UploadedFile? photo, CancellationToken ct)
    {
        var community = await db.Units.AnyAsync(u => u.Id == request.UnitId && u.Kind == UnitKind.Community && !u.IsArchived, ct);
        return await AddAsync(request, community, photo, null, ct);
    }

    public async Task<Result<WishSubmitted>> EnterAsync(SubmitRequest request, UploadedFile? photo, CancellationToken ct)
    {
        if (await db.FindVisibleUnitAsync(user, request.UnitId, ct) is not { } unit)
        {
            return Error.NotFound("Entity.Unit");
        }
        return await AddAsync(request, unit is { Kind: UnitKind.Community, IsArchived: false }, photo, user.UserName ?? Wish.ResidentActor, ct);
    }

    private async Task<Result<WishSubmitted>> AddAsync(SubmitRequest request, bool communityFound, UploadedFile? photo, string? enteredBy,
        CancellationToken ct)
    {
        var problems = new List<FieldProblem>();
        if (!communityFound)
        {
            problems.Add(new("unitId", "Wishes.CommunityRequired"));
        }
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > Wish.MaxName)
        {
            problems.Add(new("name", "Wishes.NameRequired", Wish.MaxName));
        }
        var phone = MemberRules.NormalizeDigits(request.Phone)?.Trim();
        if (string.IsNullOrEmpty(phone) || !MemberRules.IsValidPhone(phone))
        {
            problems.Add(new("phone", "Member.PhoneInvalid"));
        }
        if (Wish.CheckText("text", request.Text, "Wishes.TextRequired") is { } text)
        {
            problems.AddRange(text.Problems);
        }
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        CheckedFile? picture = null;
        if (photo is not null)
        {
            var checkedPhoto = await WishPhotos.CheckAsync(photo, ct);
            if (!checkedPhoto.IsSuccess)
            {
                return checkedPhoto.Error!;
            }
            picture = checkedPhoto.Value;
        }
        var once = FormOnce.Of(request.Once);
        var now = clock.GetUtcNow().UtcDateTime;
        return await FormOnce.SaveAsync<WishSubmitted>(db, once, async token =>
            await db.Wishes.AsNoTracking().Where(w => w.SubmissionToken == token).Select(w => new WishSubmitted(w.Id, w.TrackingCode))
                .FirstOrDefaultAsync(ct) is { } earlier ? (Result<WishSubmitted>?)earlier : null, async () =>
        {
            var code = RandomNumberGenerator.GetString(CodeAlphabet, Wish.CodeLength);
            var wish = new Wish(request.UnitId, name!, phone!, request.Text!.Trim(), code, enteredBy, now, once);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Wishes.Add(wish);
            await db.SaveChangesAsync(ct);
            if (picture is not null)
            {
                db.WishFiles.Add(new WishFile(wish.Id, WishFileKind.Photo, picture.FileName, picture.ContentType, picture.Content,
                    enteredBy ?? Wish.ResidentActor, now));
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
            return new WishSubmitted(wish.Id, code);
        });
    }
}
