using Jishi.Web.Shared;

namespace Jishi.Web.Features.Wishes;

public enum WishStatus
{
    Submitted = 0,
    Published = 1,
    Declined = 2,
    Claimed = 3,
    Fulfilled = 4,
    Confirmed = 5,
}

/// <summary>A resident's 微心愿: submitted (by the resident from a phone, or by staff for them), reviewed (published to the
/// wish wall or declined with a reason), claimed by one member at a time (<see cref="WishClaim"/>), fulfilled by that member,
/// then confirmed and rated by the resident through the tracking code (or by staff for them), which awards the member once.</summary>
public sealed class Wish
{
    public const int MaxName = 30;
    public const int MaxPhone = 20;
    public const int MaxText = 500;
    public const int CodeLength = 10;

    /// <summary>The name recorded for what a resident does through their tracking code.</summary>
    public const string ResidentActor = "resident";

    private Wish() { }

    public Wish(int unitId, string residentName, string residentPhone, string text, string trackingCode, string? enteredBy, DateTime at,
        string? submissionToken = null)
    {
        SubmissionToken = submissionToken;
        UnitId = unitId;
        ResidentName = residentName;
        ResidentPhone = residentPhone;
        Text = text;
        TrackingCode = trackingCode;
        EnteredBy = enteredBy;
        SubmittedAt = at;
    }

    public int Id { get; private set; }

    /// <summary>The community the resident lives in; its secretary and the street review the wish.</summary>
    public int UnitId { get; private set; }

    public string ResidentName { get; private set; } = "";
    public string ResidentPhone { get; private set; } = "";
    public string Text { get; private set; } = "";

    /// <summary>The resident's secret for following and confirming the wish without an account.</summary>
    public string TrackingCode { get; private set; } = "";

    /// <summary>The one-time token of the form that sent the wish (<see cref="FormOnce"/>); null when entered without one.</summary>
    public string? SubmissionToken { get; private set; }

    public WishStatus Status { get; private set; }
    public DateTime SubmittedAt { get; private set; }

    /// <summary>The staff account that entered the wish for the resident; null when the resident submitted it.</summary>
    public string? EnteredBy { get; private set; }

    public string? ReviewedBy { get; private set; }
    public DateTime? ReviewedAt { get; private set; }
    public string? DeclineReason { get; private set; }
    public DateTime? FulfilledAt { get; private set; }
    public string? FulfilmentNote { get; private set; }
    public DateTime? ConfirmedAt { get; private set; }
    public string? ConfirmedBy { get; private set; }
    public int? Rating { get; private set; }
    public string? RatingComment { get; private set; }

    /// <summary>The source key of the fulfilling member's award: the ledger posts one entry per key.</summary>
    public static string SourceKeyOf(int id) => $"wish:{id}";

    /// <summary>A tracking code as typed: spaces around it and lower case do not matter.</summary>
    public static string NormalizeCode(string code) => code.Trim().ToUpperInvariant();

    /// <summary>The note of the fulfilling member's award.</summary>
    public string AwardNote => "完成微心愿：" + (Text.Length > 60 ? Text[..60] + "…" : Text);

    /// <summary>A free text of the wish (what is wished, a reason, a note): required, at most <see cref="MaxText"/>.</summary>
    public static ValidationError? CheckText(string field, string? value, string requiredKey) =>
        string.IsNullOrWhiteSpace(value) ? new ValidationError([new(field, requiredKey)])
        : value.Trim().Length > MaxText ? new ValidationError([new(field, "Text.TooLong", MaxText)])
        : null;

    public string? WhyNotReviewable() => Status == WishStatus.Submitted ? null : "Wishes.NotSubmitted";

    public string? WhyNotClaimable() => Status == WishStatus.Published ? null : "Wishes.NotClaimable";

    public string? WhyNotWithdrawable() => Status == WishStatus.Claimed ? null : "Wishes.NotClaimed";

    public string? WhyNotFulfillable() => Status == WishStatus.Claimed ? null : "Wishes.NotClaimed";

    /// <summary>Confirmed once, after fulfilment. A repeated confirmation is allowed (and changes nothing) so that a retry
    /// after a failed award posts it.</summary>
    public string? WhyNotConfirmable() => Status is WishStatus.Fulfilled or WishStatus.Confirmed ? null : "Wishes.NotFulfilled";

    public void Publish(string by, DateTime at)
    {
        Ensure(WhyNotReviewable());
        Status = WishStatus.Published;
        ReviewedBy = by;
        ReviewedAt = at;
    }

    public void Decline(string reason, string by, DateTime at)
    {
        Ensure(WhyNotReviewable());
        Status = WishStatus.Declined;
        DeclineReason = reason;
        ReviewedBy = by;
        ReviewedAt = at;
    }

    /// <summary>Marks the wish taken; the caller adds the <see cref="WishClaim"/> in the same save.</summary>
    public WishClaim Claim(int memberId, string by, DateTime at)
    {
        Ensure(WhyNotClaimable());
        Status = WishStatus.Claimed;
        return new WishClaim(Id, memberId, by, at);
    }

    /// <summary>Back on the wall: the claim was withdrawn.</summary>
    public void Release(WishClaim claim, string by, DateTime at)
    {
        Ensure(WhyNotWithdrawable());
        claim.Withdraw(by, at);
        Status = WishStatus.Published;
    }

    public void Fulfil(string note, DateTime at)
    {
        Ensure(WhyNotFulfillable());
        Status = WishStatus.Fulfilled;
        FulfilmentNote = note;
        FulfilledAt = at;
    }

    public void Confirm(int rating, string? comment, string by, DateTime at)
    {
        Ensure(WhyNotConfirmable());
        if (rating is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(rating), rating, "A rating is 1 to 5 stars.");
        }
        if (Status == WishStatus.Confirmed)
        {
            return; // a retried confirmation keeps the first rating
        }
        Status = WishStatus.Confirmed;
        Rating = rating;
        RatingComment = comment;
        ConfirmedBy = by;
        ConfirmedAt = at;
    }

    private static void Ensure(string? whyNot)
    {
        if (whyNot is not null)
        {
            throw new InvalidOperationException(whyNot);
        }
    }
}

/// <summary>A member's claim of a wish. At most one claim per wish is active (not withdrawn): a filtered unique index says so,
/// whatever number of members press 认领 at the same moment.</summary>
public sealed class WishClaim
{
    private WishClaim() { }

    public WishClaim(int wishId, int memberId, string by, DateTime at)
    {
        WishId = wishId;
        MemberId = memberId;
        ClaimedBy = by;
        ClaimedAt = at;
    }

    public int Id { get; private set; }
    public int WishId { get; private set; }
    public int MemberId { get; private set; }
    public string ClaimedBy { get; private set; } = "";
    public DateTime ClaimedAt { get; private set; }
    public string? WithdrawnBy { get; private set; }
    public DateTime? WithdrawnAt { get; private set; }

    public bool IsActive => WithdrawnAt is null;

    public void Withdraw(string by, DateTime at)
    {
        WithdrawnBy = by;
        WithdrawnAt = at;
    }
}

public enum WishFileKind
{
    Photo = 0,
    Evidence = 1,
}

/// <summary>A picture of a wish: the resident's photo of what they need, or the member's evidence of fulfilment.</summary>
public sealed class WishFile : StoredFile
{
    private WishFile() { }

    public WishFile(int wishId, WishFileKind kind, string fileName, string contentType, byte[] content, string uploadedBy, DateTime at)
        : base(fileName, contentType, content, uploadedBy, at)
    {
        WishId = wishId;
        Kind = kind;
    }

    public int WishId { get; private set; }
    public WishFileKind Kind { get; private set; }
}
