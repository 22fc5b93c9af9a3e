using System.Security.Claims;
using System.Security.Cryptography;
using Jishi.Web.Data;
using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Wishes;

public sealed record WishFileDto(int Id, WishFileKind Kind, string FileName, string ContentType, long Size, DateTime UploadedAt);

public sealed record WishClaimDto(int MemberId, string MemberName, string MemberUnitName, string ClaimedBy, DateTime ClaimedAt);

/// <summary>A wish as staff and its claiming member see it. The resident's name and phone are in clear only for the staff who
/// see personal data (community secretary, street) and the member who claimed it; masked for everyone else.</summary>
public sealed record WishDto(int Id, int UnitId, string UnitName, string ResidentName, string ResidentPhone, string Text, WishStatus Status,
    DateTime SubmittedAt, string? EnteredBy, string? ReviewedBy, DateTime? ReviewedAt, string? DeclineReason, WishClaimDto? Claim,
    DateTime? FulfilledAt, string? FulfilmentNote, DateTime? ConfirmedAt, string? ConfirmedBy, int? Rating, string? RatingComment,
    string? TrackingCode, IReadOnlyList<WishFileDto> Files, long? EntryId, EntryStatus? EntryStatus, decimal? EntryPoints);

/// <summary>What a tracking code shows: the resident's own wish, with their name and phone masked (a link gets forwarded).</summary>
public sealed record TrackedWish(string TrackingCode, string UnitName, string ResidentName, string ResidentPhone, string Text, WishStatus Status,
    DateTime SubmittedAt, string? DeclineReason, string? MemberName, DateTime? FulfilledAt, string? FulfilmentNote, int? Rating,
    string? RatingComment, DateTime? ConfirmedAt, int EvidenceCount);

/// <summary>One card of the public wish wall: the wish and its community, never who asked.</summary>
public sealed record WallWish(int Id, string UnitName, string Text, WishStatus Status, DateTime SubmittedAt, string? MemberName);

public sealed record WishWall(int UnitId, string UnitName, IReadOnlyList<WallWish> Wishes);

public sealed record WishCommunity(int Id, string Name, string StreetName);

public sealed record WishSubmitted(int Id, string TrackingCode);

public sealed record WishFileDownload(string FileName, string ContentType, byte[] Content);

/// <summary>微心愿 from submission to confirmation. Staff (the community secretary and the street, within their subtree) enter,
/// review, claim for a member, withdraw, fulfil and confirm; a member whose account is bound to them claims, withdraws and
/// fulfils their own; a resident submits, follows and confirms with the tracking code. Confirmation posts the member's award
/// through <see cref="PointsLedger"/> under the source key "wish:{id}", so once.</summary>
public sealed class WishBook(JishiDbContext db, CurrentUser user, TimeProvider clock, PointsLedger ledger)
{
    /// <summary>The name recorded for what a resident does through their tracking code.</summary>
    public const string ResidentActor = "resident";

    private const string CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static readonly string[] StaffRoles = [Roles.StreetAdmin, Roles.CommunitySecretary, Roles.BranchSecretary];

    /// <param name="Once">The form's one-time token (<see cref="FormOnce"/>): a second submission with it stores nothing and
    /// answers with the wish the first one made.</param>
    public sealed record SubmitRequest(int UnitId, string? Name, string? Phone, string? Text, string? Once = null);

    public sealed record ListRequest(int? UnitId = null, WishStatus? Status = null);

    public sealed record ClaimRequest(int? MemberId);

    public sealed record FulfilRequest(string? Note);

    public sealed record ConfirmRequest(int? Rating, string? Comment);

    private sealed record Actor(bool IsStaff, string Scope, int? MemberId, string? MemberStreetPath);

    /// <summary>The communities a resident may choose, of one street or of all.</summary>
    public async Task<IReadOnlyList<WishCommunity>> CommunitiesAsync(int? streetId, CancellationToken ct)
    {
        var rows = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Community && !u.IsArchived && (streetId == null || u.ParentId == streetId))
            .Select(u => new { u.Id, u.Name, Street = u.Parent!.Name, StreetOrder = u.Parent.SortOrder, u.ParentId, u.SortOrder })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.StreetOrder).ThenBy(r => r.ParentId).ThenBy(r => r.SortOrder).ThenBy(r => r.Id)
            .Select(r => new WishCommunity(r.Id, r.Name, r.Street)).ToList();
    }

    /// <summary>A resident's own submission, without an account: any open community.</summary>
    public async Task<Result<WishSubmitted>> SubmitAsync(SubmitRequest request, UploadedPhoto? photo, CancellationToken ct)
    {
        var community = await db.Units.AnyAsync(u => u.Id == request.UnitId && u.Kind == UnitKind.Community && !u.IsArchived, ct);
        return await AddAsync(request, community, photo, null, ct);
    }

    /// <summary>Staff enter a wish for a resident (an older resident without a phone) in a community of their subtree.</summary>
    public async Task<Result<WishSubmitted>> EnterAsync(SubmitRequest request, UploadedPhoto? photo, CancellationToken ct)
    {
        if (await db.FindVisibleUnitAsync(user, request.UnitId, ct) is not { } unit)
        {
            return Error.NotFound("Entity.Unit");
        }
        return await AddAsync(request, unit is { Kind: UnitKind.Community, IsArchived: false }, photo, By, ct);
    }

    public async Task<Result<IReadOnlyList<WishDto>>> ListAsync(ListRequest request, CancellationToken ct)
    {
        if (await db.ScopeOfAsync(user, request.UnitId, ct) is not { } scope)
        {
            return Error.NotFound("Entity.Unit");
        }
        var query = db.Wishes.AsNoTracking().Where(w => db.Units.Within(scope).Any(u => u.Id == w.UnitId));
        if (request.Status is { } status)
        {
            query = query.Where(w => w.Status == status);
        }
        var ids = await query.OrderByDescending(w => w.Id).Select(w => w.Id).Take(Paging.MaxPageSize).ToListAsync(ct);
        return await DtosAsync(ids, await ActorAsync(ct), ct);
    }

    /// <summary>The wishes the caller's member has claimed (the active claims and the ones that ended in confirmation).</summary>
    public async Task<Result<IReadOnlyList<WishDto>>> MineAsync(CancellationToken ct)
    {
        var actor = await ActorAsync(ct);
        if (actor.MemberId is not { } memberId)
        {
            return new Error("Wishes.NoMember", StatusCodes.Status403Forbidden);
        }
        var ids = await db.WishClaims.AsNoTracking().Where(c => c.MemberId == memberId && c.WithdrawnAt == null)
            .OrderByDescending(c => c.WishId).Select(c => c.WishId).ToListAsync(ct);
        return await DtosAsync(ids, actor, ct);
    }

    public async Task<Result<WishDto>> GetAsync(int id, CancellationToken ct)
    {
        var actor = await ActorAsync(ct);
        return await FindAsync(id, actor, ct) is null ? Error.NotFound("Entity.Wish") : await DtoAsync(id, actor, ct);
    }

    public Task<Result<WishDto>> PublishAsync(int id, CancellationToken ct) =>
        StaffChangeAsync(id, w => w.WhyNotReviewable(), (w, _) => w.Publish(By, Now), ct);

    public async Task<Result<WishDto>> DeclineAsync(int id, PointsLedger.ReasonRequest request, CancellationToken ct)
    {
        if (TextProblem("reason", request.Reason, "Points.ReasonRequired") is { } invalid)
        {
            return invalid;
        }
        return await StaffChangeAsync(id, w => w.WhyNotReviewable(), (w, _) => w.Decline(request.Reason!.Trim(), By, Now), ct);
    }

    /// <summary>Staff claim for a member of their subtree (<c>memberId</c>); a member bound to the account claims for themself
    /// (no <c>memberId</c>, or their own) a wish of their street. The wish's status (a concurrency token) and the filtered
    /// unique index on active claims let exactly one of any number of simultaneous claims in.</summary>
    public async Task<Result<WishDto>> ClaimAsync(int id, ClaimRequest request, CancellationToken ct)
    {
        var actor = await ActorAsync(ct);
        if (await FindAsync(id, actor, ct) is not { } found)
        {
            return Error.NotFound("Entity.Wish");
        }
        int memberId;
        if (request.MemberId is { } chosen && chosen != actor.MemberId)
        {
            if (!actor.IsStaff || !UnitScope.Sees(actor.Scope, found.Path))
            {
                return Error.NotFound("Entity.Wish");
            }
            if (!await db.Members.Within(actor.Scope).AnyAsync(m => m.Id == chosen && m.Status == MemberStatus.Active, ct))
            {
                return Error.NotFound("Entity.Member");
            }
            memberId = chosen;
        }
        else if (actor.MemberId is { } own && UnitScope.Sees(actor.MemberStreetPath!, found.Path))
        {
            memberId = own;
        }
        else
        {
            return actor.IsStaff ? new ValidationError([new("memberId", "Wishes.MemberRequired")])
                : new Error("Wishes.NoMember", StatusCodes.Status403Forbidden);
        }
        try
        {
            var claimed = await TransitionAsync(id, w => w.WhyNotClaimable(), (w, _) => db.WishClaims.Add(w.Claim(memberId, By, Now)), ct);
            return claimed.IsSuccess ? await DtoAsync(id, actor, ct) : claimed.Error!;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("Wishes.NotClaimable");
        }
    }

    /// <summary>Gives the wish back to the wall: staff of its community, or the claiming member.</summary>
    public async Task<Result<WishDto>> WithdrawAsync(int id, CancellationToken ct)
    {
        var actor = await ActorAsync(ct);
        if (await MayActAsClaimerAsync(id, actor, ct) is { } denied)
        {
            return denied;
        }
        var changed = await TransitionAsync(id, w => w.WhyNotWithdrawable(), (w, claim) => w.Release(claim!, By, Now), ct);
        return changed.IsSuccess ? await DtoAsync(id, actor, ct) : changed.Error!;
    }

    /// <summary>The claiming member (or staff for them) reports the wish done, with what was done and optional photos.</summary>
    public async Task<Result<WishDto>> FulfilAsync(int id, FulfilRequest request, IReadOnlyList<UploadedPhoto> evidence, CancellationToken ct)
    {
        var actor = await ActorAsync(ct);
        if (await MayActAsClaimerAsync(id, actor, ct) is { } denied)
        {
            return denied;
        }
        if (TextProblem("note", request.Note, "Wishes.NoteRequired") is { } invalid)
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
        var changed = await TransitionAsync(id, w => w.WhyNotFulfillable(), (w, _) =>
        {
            w.Fulfil(request.Note!.Trim(), Now);
            db.WishFiles.AddRange(photos.Select(p => new WishFile(w.Id, WishFileKind.Evidence, p.FileName, p.ContentType, p.Content, By, Now)));
        }, ct);
        return changed.IsSuccess ? await DtoAsync(id, actor, ct) : changed.Error!;
    }

    /// <summary>Staff confirm for a resident (who told them by phone or in person).</summary>
    public async Task<Result<WishDto>> ConfirmAsync(int id, ConfirmRequest request, CancellationToken ct)
    {
        var actor = await ActorAsync(ct);
        if (!actor.IsStaff || await FindAsync(id, actor, ct) is not { } found || !UnitScope.Sees(actor.Scope, found.Path))
        {
            return Error.NotFound("Entity.Wish");
        }
        var confirmed = await ConfirmOnlyAsync(id, request, ct);
        if (!confirmed.IsSuccess)
        {
            return confirmed.Error!;
        }
        var award = await AwardAsync(confirmed.Value!, ct);
        return award.IsSuccess ? await DtoAsync(id, actor, ct) : award.Error!;
    }

    /// <summary>The resident confirms and rates through their tracking code.</summary>
    public async Task<Result<TrackedWish>> ConfirmByCodeAsync(string code, ConfirmRequest request, CancellationToken ct)
    {
        if (await IdOfCodeAsync(code, ct) is not { } id)
        {
            return Error.NotFound("Entity.Wish");
        }
        user.Set(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, ResidentActor)], ResidentActor)));
        var confirmed = await ConfirmOnlyAsync(id, request, ct);
        if (!confirmed.IsSuccess)
        {
            return confirmed.Error!;
        }
        // The resident's part is done whatever the ledger answers (a tier without the wish rule, say): staff see the wish
        // confirmed without an entry and confirm again once the rules allow it.
        await AwardAsync(confirmed.Value!, ct);
        return (await TrackAsync(code, ct))!;
    }

    public async Task<TrackedWish?> TrackAsync(string code, CancellationToken ct)
    {
        var normalized = NormalizeCode(code);
        var row = await db.Wishes.AsNoTracking().Where(w => w.TrackingCode == normalized).Select(w => new
        {
            Wish = w,
            UnitName = db.Units.Where(u => u.Id == w.UnitId).Select(u => u.Name).First(),
            MemberName = db.WishClaims.Where(c => c.WishId == w.Id && c.WithdrawnAt == null)
                .Select(c => db.Members.Where(m => m.Id == c.MemberId).Select(m => m.Name).First()).FirstOrDefault(),
            Evidence = db.WishFiles.Count(f => f.WishId == w.Id && f.Kind == WishFileKind.Evidence),
        }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        var w = row.Wish;
        return new TrackedWish(w.TrackingCode, row.UnitName, MaskName(w.ResidentName), Masking.Phone(w.ResidentPhone)!, w.Text, w.Status,
            w.SubmittedAt, w.DeclineReason, row.MemberName, w.FulfilledAt, w.FulfilmentNote, w.Rating, w.RatingComment, w.ConfirmedAt, row.Evidence);
    }

    /// <summary>The public wish wall of a unit's subtree: wishes from publication on, with the community, never the resident.
    /// Null when there is no such unit.</summary>
    public async Task<WishWall?> WallAsync(int unitId, CancellationToken ct)
    {
        if (await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct) is not { } unit)
        {
            return null;
        }
        var wishes = await db.Wishes.AsNoTracking()
            .Where(w => w.Status != WishStatus.Submitted && w.Status != WishStatus.Declined && db.Units.Within(unit.Path).Any(u => u.Id == w.UnitId))
            .OrderBy(w => w.Status == WishStatus.Published ? 0 : 1).ThenByDescending(w => w.Id).Take(Paging.MaxPageSize)
            .Select(WallProjection()).ToListAsync(ct);
        return new WishWall(unit.Id, unit.Name, wishes);
    }

    /// <summary>The published wishes of the street of the caller's member, to claim; none for an account without a member.</summary>
    public async Task<IReadOnlyList<WallWish>> OpenForMemberAsync(CancellationToken ct)
    {
        if ((await ActorAsync(ct)).MemberStreetPath is not { } street)
        {
            return [];
        }
        return await db.Wishes.AsNoTracking()
            .Where(w => w.Status == WishStatus.Published && db.Units.Within(street).Any(u => u.Id == w.UnitId))
            .OrderBy(w => w.Id).Take(Paging.MaxPageSize).Select(WallProjection()).ToListAsync(ct);
    }

    /// <summary>A picture of a wish, for whoever may see the wish in full (staff of its community, the claiming member).</summary>
    public async Task<Result<WishFileDownload>> FileAsync(int id, int fileId, CancellationToken ct)
    {
        var actor = await ActorAsync(ct);
        if (await FindAsync(id, actor, ct) is not { } found || !SeesResident(found, actor, user.SeesSensitiveData))
        {
            return Error.NotFound("Entity.Wish");
        }
        return await db.WishFiles.AsNoTracking().Where(f => f.Id == fileId && f.WishId == id)
                .Select(f => new WishFileDownload(f.FileName, f.ContentType, f.Content)).FirstOrDefaultAsync(ct) is { } file
            ? file
            : Error.NotFound("Entity.WishFile");
    }

    private System.Linq.Expressions.Expression<Func<Wish, WallWish>> WallProjection() => w => new WallWish(w.Id,
        db.Units.Where(u => u.Id == w.UnitId).Select(u => u.Name).First(), w.Text, w.Status, w.SubmittedAt,
        db.WishClaims.Where(c => c.WishId == w.Id && c.WithdrawnAt == null)
            .Select(c => db.Members.Where(m => m.Id == c.MemberId).Select(m => m.Name).First()).FirstOrDefault());

    /// <summary>张三 → 张*, 欧阳小明 → 欧***: the family name alone.</summary>
    public static string MaskName(string name) => name.Length <= 1 ? name : name[..1] + new string('*', name.Length - 1);

    public static string NormalizeCode(string code) => code.Trim().ToUpperInvariant();

    private async Task<Result<WishSubmitted>> AddAsync(SubmitRequest request, bool communityFound, UploadedPhoto? photo, string? enteredBy, CancellationToken ct)
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
        if (TextProblem("text", request.Text, "Wishes.TextRequired") is { } text)
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
        return await FormOnce.SaveAsync<WishSubmitted>(db, once, async token =>
            await db.Wishes.AsNoTracking().Where(w => w.SubmissionToken == token).Select(w => new WishSubmitted(w.Id, w.TrackingCode))
                .FirstOrDefaultAsync(ct) is { } earlier ? (Result<WishSubmitted>?)earlier : null, async () =>
        {
            var code = RandomNumberGenerator.GetString(CodeAlphabet, Wish.CodeLength);
            var wish = new Wish(request.UnitId, name!, phone!, request.Text!.Trim(), code, enteredBy, Now, once);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Wishes.Add(wish);
            await db.SaveChangesAsync(ct);
            if (picture is not null)
            {
                db.WishFiles.Add(new WishFile(wish.Id, WishFileKind.Photo, picture.FileName, picture.ContentType, picture.Content, enteredBy ?? ResidentActor, Now));
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
            return new WishSubmitted(wish.Id, code);
        });
    }

    /// <summary>Marks the wish confirmed with the resident's rating; a repeated confirmation changes nothing and succeeds, so
    /// that it can post an award that failed before.</summary>
    private async Task<Result<Wish>> ConfirmOnlyAsync(int id, ConfirmRequest request, CancellationToken ct)
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
        return await TransitionAsync(id, w => w.WhyNotConfirmable(), (w, _) => w.Confirm(request.Rating.Value, comment, By, Now), ct);
    }

    /// <summary>Posts the claiming member's award of a confirmed wish under the source key "wish:{id}": the ledger's unique key
    /// keeps it to one entry however many confirmations arrive at once.</summary>
    private async Task<Result<PointsLedger.AwardOutcome>> AwardAsync(Wish wish, CancellationToken ct)
    {
        var memberId = await db.WishClaims.AsNoTracking().Where(c => c.WishId == wish.Id && c.WithdrawnAt == null)
            .Select(c => c.MemberId).FirstAsync(ct);
        return await ledger.AwardForSourceAsync(new PointsLedger.AwardRequest(memberId, RuleCodes.WishFulfilled, 1, Today(), Note(wish),
            Wish.SourceKeyOf(wish.Id), wish.FulfilmentNote), ct);
    }

    public static string Note(Wish wish) => "完成微心愿：" + (wish.Text.Length > 60 ? wish.Text[..60] + "…" : wish.Text);

    private async Task<Result<WishDto>> StaffChangeAsync(int id, Func<Wish, string?> whyNot, Action<Wish, WishClaim?> change, CancellationToken ct)
    {
        var actor = await ActorAsync(ct);
        if (!actor.IsStaff || await FindAsync(id, actor, ct) is not { } found || !UnitScope.Sees(actor.Scope, found.Path))
        {
            return Error.NotFound("Entity.Wish");
        }
        var changed = await TransitionAsync(id, whyNot, change, ct);
        return changed.IsSuccess ? await DtoAsync(id, actor, ct) : changed.Error!;
    }

    /// <summary>Null when the caller is staff over the wish or its claiming member; otherwise the error to answer.</summary>
    private async Task<Error?> MayActAsClaimerAsync(int id, Actor actor, CancellationToken ct)
    {
        if (await FindAsync(id, actor, ct) is not { } found)
        {
            return Error.NotFound("Entity.Wish");
        }
        return UnitScope.Sees(actor.Scope, found.Path) || (actor.MemberId is { } own && found.ClaimerId == own) ? null
            : new Error("Wishes.NotYourClaim", StatusCodes.Status403Forbidden);
    }

    /// <summary>Applies one transition to the wish and its active claim; the status is a concurrency token, so of two requests
    /// that both read the same status only the first changes the row and the other reads it again (and then finds it changed).</summary>
    private async Task<Result<Wish>> TransitionAsync(int id, Func<Wish, string?> whyNot, Action<Wish, WishClaim?> change, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await db.Wishes.FirstOrDefaultAsync(w => w.Id == id, ct) is not { } wish)
            {
                return Error.NotFound("Entity.Wish");
            }
            if (whyNot(wish) is { } why)
            {
                return Error.Conflict(why);
            }
            change(wish, await db.WishClaims.FirstOrDefaultAsync(c => c.WishId == id && c.WithdrawnAt == null, ct));
            try
            {
                await db.SaveChangesAsync(ct);
                return wish;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private sealed record Found(int Id, string Path, int? ClaimerId, WishStatus Status);

    /// <summary>The wish when the caller may see it: staff within their subtree; a member in their street, once published
    /// (or whatever its state, when they claim it).</summary>
    private async Task<Found?> FindAsync(int id, Actor actor, CancellationToken ct)
    {
        var found = await db.Wishes.AsNoTracking().Where(w => w.Id == id).Select(w => new Found(w.Id,
            db.Units.Where(u => u.Id == w.UnitId).Select(u => u.Path).First(),
            db.WishClaims.Where(c => c.WishId == w.Id && c.WithdrawnAt == null).Select(c => (int?)c.MemberId).FirstOrDefault(), w.Status))
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }
        if (UnitScope.Sees(actor.Scope, found.Path) || (actor.MemberId is { } own && found.ClaimerId == own))
        {
            return found;
        }
        return actor.MemberStreetPath is { } street && UnitScope.Sees(street, found.Path)
            && found.Status is not (WishStatus.Submitted or WishStatus.Declined) ? found : null;
    }

    private static bool SeesResident(Found found, Actor actor, bool seesSensitive) =>
        (actor.IsStaff && seesSensitive && UnitScope.Sees(actor.Scope, found.Path)) || (actor.MemberId is { } own && found.ClaimerId == own);

    /// <summary>Who the caller is to wishes: staff over a subtree (a scope of "-" matches nothing), and the member their account
    /// is bound to, with that member's street.</summary>
    private async Task<Actor> ActorAsync(CancellationToken ct)
    {
        var staff = StaffRoles.Any(user.IsInRole);
        var scope = staff ? await user.ScopePathAsync(ct) : "-";
        var name = user.UserName;
        var member = name is null ? null : await db.Users.AsNoTracking().Where(u => u.UserName == name && u.MemberId != null)
            .Select(u => db.Members.Where(m => m.Id == u.MemberId && m.Status == MemberStatus.Active).Select(m => new { m.Id, m.Unit!.Path }).FirstOrDefault())
            .FirstOrDefaultAsync(ct);
        return new Actor(staff, scope, member?.Id, member is null ? null : $"/{RuleBook.StreetOf(member.Path)}/");
    }

    private async Task<Result<WishDto>> DtoAsync(int id, Actor actor, CancellationToken ct) => (await DtosAsync([id], actor, ct))[0];

    private async Task<List<WishDto>> DtosAsync(List<int> ids, Actor actor, CancellationToken ct)
    {
        var rows = await db.Wishes.AsNoTracking().Where(w => ids.Contains(w.Id)).Select(w => new
        {
            Wish = w,
            Unit = db.Units.Where(u => u.Id == w.UnitId).Select(u => new { u.Name, u.Path }).First(),
            Claim = db.WishClaims.Where(c => c.WishId == w.Id && c.WithdrawnAt == null).Select(c => new
            {
                c.MemberId, c.ClaimedBy, c.ClaimedAt,
                Member = db.Members.Where(m => m.Id == c.MemberId).Select(m => new { m.Name, UnitName = m.Unit!.Name }).First(),
            }).FirstOrDefault(),
        }).ToListAsync(ct);
        var files = await db.WishFiles.AsNoTracking().Where(f => ids.Contains(f.WishId)).OrderBy(f => f.Id)
            .Select(f => new { f.WishId, Dto = new WishFileDto(f.Id, f.Kind, f.FileName, f.ContentType, f.Size, f.UploadedAt) }).ToListAsync(ct);
        var keys = ids.Select(Wish.SourceKeyOf).ToList();
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => keys.Contains(e.SourceKey!))
            .Select(e => new { e.SourceKey, e.Id, e.Status, e.Granted }).ToDictionaryAsync(e => e.SourceKey!, ct);
        var byId = rows.ToDictionary(r => r.Wish.Id, r =>
        {
            var w = r.Wish;
            var seen = new Found(w.Id, r.Unit.Path, r.Claim?.MemberId, w.Status);
            var clear = SeesResident(seen, actor, user.SeesSensitiveData);
            var entry = entries.GetValueOrDefault(Wish.SourceKeyOf(w.Id));
            return new WishDto(w.Id, w.UnitId, r.Unit.Name, clear ? w.ResidentName : MaskName(w.ResidentName),
                clear ? w.ResidentPhone : Masking.Phone(w.ResidentPhone)!, w.Text, w.Status, w.SubmittedAt, w.EnteredBy, w.ReviewedBy, w.ReviewedAt,
                w.DeclineReason, r.Claim is { } c ? new WishClaimDto(c.MemberId, c.Member.Name, c.Member.UnitName, c.ClaimedBy, c.ClaimedAt) : null,
                w.FulfilledAt, w.FulfilmentNote, w.ConfirmedAt, w.ConfirmedBy, w.Rating, w.RatingComment,
                actor.IsStaff && UnitScope.Sees(actor.Scope, r.Unit.Path) ? w.TrackingCode : null,
                clear ? files.Where(f => f.WishId == w.Id).Select(f => f.Dto).ToList() : [],
                entry?.Id, entry?.Status, entry?.Granted);
        });
        return ids.Select(id => byId[id]).ToList();
    }

    private async Task<int?> IdOfCodeAsync(string code, CancellationToken ct)
    {
        var normalized = NormalizeCode(code);
        return await db.Wishes.AsNoTracking().Where(w => w.TrackingCode == normalized).Select(w => (int?)w.Id).FirstOrDefaultAsync(ct);
    }

    private static ValidationError? TextProblem(string field, string? value, string requiredKey) =>
        string.IsNullOrWhiteSpace(value) ? new ValidationError([new(field, requiredKey)])
        : value.Trim().Length > Wish.MaxText ? new ValidationError([new(field, "Text.TooLong", Wish.MaxText)])
        : null;

    private string By => user.UserName ?? ResidentActor;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
