using System.Linq.Expressions;
using Jishi.Web.Data;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Wishes;

public sealed record WishFileDto(int Id, WishFileKind Kind, string FileName, string ContentType, long Size, DateTime UploadedAt);

public sealed record WishClaimDto(int MemberId, string MemberName, string MemberUnitName, string ClaimedBy, DateTime ClaimedAt);

/// <summary>A wish as staff and its claiming member see it. The resident's name and phone are in clear only for the staff who
/// see personal data (community secretary, street) and the member who claimed it; masked for everyone else (<see cref="WishAccess"/>).</summary>
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

/// <summary>The ledger entry a wish's award made (found by its source key).</summary>
public sealed record WishAward(long Id, EntryStatus Status, decimal Granted);

public static class WishDtoMapping
{
    /// <summary>The wish as <paramref name="access"/> may see it: the resident masked and the pictures left out unless they
    /// see the resident, the tracking code for the staff over it only.</summary>
    public static WishDto AsDto(this Wish w, WishAccess access, WishSpot spot, string unitName, WishClaimDto? claim,
        IReadOnlyList<WishFileDto> files, WishAward? award) =>
        new(w.Id, w.UnitId, unitName, access.ResidentName(spot, w.ResidentName), access.ResidentPhone(spot, w.ResidentPhone), w.Text, w.Status,
            w.SubmittedAt, w.EnteredBy, w.ReviewedBy, w.ReviewedAt, w.DeclineReason, claim, w.FulfilledAt, w.FulfilmentNote, w.ConfirmedAt,
            w.ConfirmedBy, w.Rating, w.RatingComment, access.SeesTrackingCode(spot) ? w.TrackingCode : null,
            access.SeesResident(spot) ? files : [], award?.Id, award?.Status, award?.Granted);

    /// <summary>A card of the wall, projected in the query.</summary>
    public static Expression<Func<Wish, WallWish>> AsWallWish(JishiDbContext db) => w => new WallWish(w.Id,
        db.Units.Where(u => u.Id == w.UnitId).Select(u => u.Name).First(), w.Text, w.Status, w.SubmittedAt,
        db.WishClaims.Where(c => c.WishId == w.Id && c.WithdrawnAt == null)
            .Select(c => db.Members.Where(m => m.Id == c.MemberId).Select(m => m.Name).First()).FirstOrDefault());

    /// <summary>The wish as its tracking code shows it: the resident masked whoever asks.</summary>
    public static TrackedWish AsTracked(this Wish w, string unitName, string? memberName, int evidenceCount) =>
        new(w.TrackingCode, unitName, WishAccess.MaskName(w.ResidentName), Masking.Phone(w.ResidentPhone)!, w.Text, w.Status, w.SubmittedAt,
            w.DeclineReason, memberName, w.FulfilledAt, w.FulfilmentNote, w.Rating, w.RatingComment, w.ConfirmedAt, evidenceCount);
}
