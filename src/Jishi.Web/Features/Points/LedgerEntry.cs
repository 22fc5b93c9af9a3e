namespace Jishi.Web.Features.Points;

public enum EntryStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
}

/// <summary>Who approves: a branch secretary, or the community (a community secretary, or the street above it).</summary>
public enum ApprovalLevel
{
    Branch,
    Community,
}

/// <summary>One line of the points ledger, append-only: amounts are set once and never change, an entry is never deleted,
/// and a correction is a reversing entry pointing at the original (<see cref="ReversalOf"/>, at most one per original).
/// Only the status moves, once, from Pending to Approved or Rejected. The entry names the rule, rule set and version that
/// produced it, the points requested and the points granted after the caps.</summary>
public sealed class LedgerEntry
{
    private LedgerEntry() { }

    public long Id { get; private set; }
    public int MemberId { get; private set; }

    /// <summary>The year of <see cref="OccurredOn"/>: the balance and the caps it counts toward.</summary>
    public int Year { get; private set; }

    public int RuleSetId { get; private set; }
    public int RuleVersion { get; private set; }
    public string RuleCode { get; private set; } = "";
    public decimal Quantity { get; private set; }
    public decimal Requested { get; private set; }
    public decimal Granted { get; private set; }
    public bool CapCut { get; private set; }
    public bool IsVeto { get; private set; }
    public DateOnly OccurredOn { get; private set; }
    public DateTime RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public EntryStatus Status { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? Note { get; private set; }
    public string? Evidence { get; private set; }

    /// <summary>The branch secretary who approved first where the rule set asks for 社区复核: the entry stays Pending, and
    /// counts only once the community approves it.</summary>
    public string? ReviewedBy { get; private set; }

    public DateTime? ReviewedAt { get; private set; }

    /// <summary>Why it was rejected or reversed.</summary>
    public string? Reason { get; private set; }

    /// <summary>Unique where set: an automatic source (one meeting and member, one pledge) posts at most once.</summary>
    public string? SourceKey { get; private set; }

    /// <summary>The entry this one reverses; unique, so an entry is reversed at most once.</summary>
    public long? ReversalOf { get; private set; }

    public string? ApprovedBy => Status == EntryStatus.Approved ? DecidedBy : null;

    /// <summary>What the entry adds to the year's balance: the granted points once approved, nothing before or when rejected.</summary>
    public decimal Counted => Status == EntryStatus.Approved ? Granted : 0;

    /// <summary>+1 for an approved veto, −1 for the approved reversal of one; the year's score is 0 while the sum is positive.</summary>
    public int VetoWeight => Status == EntryStatus.Approved && IsVeto ? (ReversalOf is null ? 1 : -1) : 0;

    public sealed record Award(int MemberId, decimal Quantity, DateOnly OccurredOn, string RecordedBy, DateTime At,
        string? Note, string? Evidence, string? SourceKey);

    /// <summary>An entry by <paramref name="rule"/> of <paramref name="set"/> with the points the caps left
    /// (<see cref="PointRule.Grant"/>); approved at once unless the rule needs approval.</summary>
    public static LedgerEntry Create(RuleSet set, PointRule rule, Award award, decimal usedThisMonth, decimal usedThisYear)
    {
        if (award.Quantity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(award), "The quantity is positive.");
        }
        var requested = rule.PointsFor(award.Quantity);
        var (granted, cut) = rule.Grant(requested, usedThisMonth, usedThisYear);
        var approved = !rule.NeedsApproval;
        return new LedgerEntry
        {
            MemberId = award.MemberId,
            Year = award.OccurredOn.Year,
            RuleSetId = set.Id,
            RuleVersion = set.Version,
            RuleCode = rule.Code,
            Quantity = award.Quantity,
            Requested = requested,
            Granted = granted,
            CapCut = cut,
            IsVeto = rule.IsVeto,
            OccurredOn = award.OccurredOn,
            RecordedAt = award.At,
            RecordedBy = award.RecordedBy,
            Status = approved ? EntryStatus.Approved : EntryStatus.Pending,
            DecidedBy = approved ? award.RecordedBy : null,
            DecidedAt = approved ? award.At : null,
            Note = award.Note,
            Evidence = award.Evidence,
            SourceKey = award.SourceKey,
        };
    }

    /// <summary>The resource key of why this entry cannot be reversed, or null when it can: only an approved original can
    /// (a pending one is rejected instead, and a reversal is never reversed, which would revive the original).</summary>
    public string? WhyNotReversible() => WhyNotReversible(Status, ReversalOf);

    /// <summary><see cref="WhyNotReversible()"/> of an entry read as a projection (<see cref="EntryDto.CanReverse"/>).</summary>
    public static string? WhyNotReversible(EntryStatus status, long? reversalOf) =>
        reversalOf is not null ? "Points.ReverseReversal"
        : status != EntryStatus.Approved ? "Points.ReverseNotApproved"
        : null;

    /// <summary>The reversing entry: the same rule, version, member and date, every amount negated, approved at once.</summary>
    public LedgerEntry Reverse(string by, DateTime at, string reason)
    {
        if (WhyNotReversible() is { } why)
        {
            throw new InvalidOperationException(why);
        }
        return new LedgerEntry
        {
            MemberId = MemberId,
            Year = Year,
            RuleSetId = RuleSetId,
            RuleVersion = RuleVersion,
            RuleCode = RuleCode,
            Quantity = -Quantity,
            Requested = -Requested,
            Granted = -Granted,
            IsVeto = IsVeto,
            OccurredOn = OccurredOn,
            RecordedAt = at,
            RecordedBy = by,
            Status = EntryStatus.Approved,
            DecidedBy = by,
            DecidedAt = at,
            Reason = reason,
            ReversalOf = Id,
        };
    }

    public void Approve(string by, DateTime at) => Decide(EntryStatus.Approved, by, at, null);

    public void Reject(string by, DateTime at, string reason) => Decide(EntryStatus.Rejected, by, at, reason);

    /// <summary>The resource key of why <paramref name="level"/> may not approve or reject this entry now, or null: a decided
    /// entry is final; under <paramref name="communityReview"/> an entry the branch has approved is the community's to decide.</summary>
    public string? WhyNotDecidable(ApprovalLevel level, bool communityReview) =>
        Status != EntryStatus.Pending ? "Points.NotPending"
        : communityReview && level == ApprovalLevel.Branch && ReviewedBy is not null ? "Points.AwaitsCommunity"
        : null;

    /// <summary>Approval by <paramref name="level"/>: final, except a branch secretary's under <paramref name="communityReview"/>,
    /// which records the first approval and leaves the entry Pending for the community.</summary>
    public void Approve(string by, DateTime at, ApprovalLevel level, bool communityReview)
    {
        if (WhyNotDecidable(level, communityReview) is { } why)
        {
            throw new InvalidOperationException(why);
        }
        if (communityReview && level == ApprovalLevel.Branch)
        {
            ReviewedBy = by;
            ReviewedAt = at;
            return;
        }
        Approve(by, at);
    }

    private void Decide(EntryStatus status, string by, DateTime at, string? reason)
    {
        if (Status != EntryStatus.Pending)
        {
            throw new InvalidOperationException("Only a pending entry is approved or rejected, once.");
        }
        Status = status;
        DecidedBy = by;
        DecidedAt = at;
        Reason = reason;
    }
}
