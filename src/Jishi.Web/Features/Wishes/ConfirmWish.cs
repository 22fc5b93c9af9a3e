using Jishi.Web.Data;
using Jishi.Web.Features.Audit;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Wishes;

/// <summary>The resident confirms and rates a fulfilled wish through the tracking code, or staff over its community confirm
/// for them (told by phone or in person). Confirmation posts the claiming member's award through <see cref="PointsLedger"/>
/// under the source key "wish:{id}": the ledger's unique key keeps it to one entry however many confirmations arrive at once,
/// and a repeated confirmation (which changes nothing) posts an award that failed before.</summary>
public sealed class ConfirmWish(JishiDbContext db, CurrentUser user, TimeProvider clock, AuditActor audit, PointsLedger ledger,
    WishCaller caller, WishQueries queries, PublicWishes wishes)
{
    public sealed record ConfirmRequest(int? Rating, string? Comment);

    public async Task<Result<WishDto>> ConfirmAsync(int id, ConfirmRequest request, CancellationToken ct)
    {
        var access = await caller.AccessAsync(ct);
        if (await caller.FindAsync(id, access, ct) is not { } wish || !access.Oversees(wish))
        {
            return Error.NotFound("Entity.Wish");
        }
        var confirmed = await ConfirmOnlyAsync(id, request, user.UserName ?? Wish.ResidentActor, ct);
        if (!confirmed.IsSuccess)
        {
            return confirmed.Error!;
        }
        var award = await AwardAsync(confirmed.Value!, ct);
        return award.IsSuccess ? await queries.DtoAsync(id, access, ct) : award.Error!;
    }

    public async Task<Result<TrackedWish>> ConfirmByCodeAsync(string code, ConfirmRequest request, CancellationToken ct)
    {
        var normalized = Wish.NormalizeCode(code);
        if (await db.Wishes.AsNoTracking().Where(w => w.TrackingCode == normalized).Select(w => (int?)w.Id).FirstOrDefaultAsync(ct) is not { } id)
        {
            return Error.NotFound("Entity.Wish");
        }
        // The wish, the award and the audit log name the resident, whoever else is signed in on the device.
        using (audit.Act(Wish.ResidentActor))
        {
            var confirmed = await ConfirmOnlyAsync(id, request, Wish.ResidentActor, ct);
            if (!confirmed.IsSuccess)
            {
                return confirmed.Error!;
            }
            // The resident's part is done whatever the ledger answers (a tier without the wish rule, say): staff see the wish
            // confirmed without an entry and confirm again once the rules allow it.
            await AwardAsync(confirmed.Value!, ct);
        }
        return (await wishes.TrackAsync(code, ct))!;
    }

    /// <summary>Marks the wish confirmed with the resident's rating; a repeated confirmation changes nothing and succeeds.</summary>
    private async Task<Result<Wish>> ConfirmOnlyAsync(int id, ConfirmRequest request, string by, CancellationToken ct)
    {
        if (request.Rating is not (>= 1 and <= 5))
        {
            return new ValidationError([new("rating", "Wishes.RatingRange")]);
        }
        if (request.Comment?.Trim().Length > Wish.MaxText)
        {
            return new ValidationError([new("comment", "Text.TooLong", Wish.MaxText)]);
        }
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        return await db.ApplyAsync("Entity.Wish", () => db.Wishes.FirstOrDefaultAsync(w => w.Id == id, ct), w => w.WhyNotConfirmable(),
            w => w.Confirm(request.Rating.Value, comment, by, clock.GetUtcNow().UtcDateTime), ct);
    }

    private async Task<Result<PointsLedger.AwardOutcome>> AwardAsync(Wish wish, CancellationToken ct)
    {
        var memberId = await db.WishClaims.AsNoTracking().Where(c => c.WishId == wish.Id && c.WithdrawnAt == null)
            .Select(c => c.MemberId).FirstAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return await ledger.AwardForSourceAsync(new PointsLedger.AwardRequest(memberId, RuleCodes.WishFulfilled, 1, today, wish.AwardNote,
            Wish.SourceKeyOf(wish.Id), wish.FulfilmentNote), ct);
    }
}
