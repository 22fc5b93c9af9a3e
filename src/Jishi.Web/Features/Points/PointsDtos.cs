using System.Linq.Expressions;
using Jishi.Web.Data;

namespace Jishi.Web.Features.Points;

/// <summary>POST /api/points/entries answers this (API.md: id, points, status; capCut added).</summary>
public sealed record EntryCreated(long Id, decimal Points, EntryStatus Status, bool CapCut);

/// <summary>One ledger line as statements and approval lists show it.</summary>
public sealed record EntryDto(long Id, int MemberId, string MemberName, string RuleCode, string RuleName, int RuleVersion,
    decimal Quantity, decimal Requested, decimal Points, bool CapCut, bool IsVeto, EntryStatus Status, DateOnly OccurredOn,
    DateTime RecordedAt, string RecordedBy, string? ApprovedBy, string? DecidedBy, string RecordedByName, string? DecidedByName, string? Note, string? Evidence, string? Reason,
    string? SourceKey, long? ReversalOf, bool Reversed, string? ReviewedBy)
{
    /// <summary>Whether the entry may be reversed now: an approved original not reversed yet (the ledger's rule).</summary>
    public bool CanReverse => !Reversed && LedgerEntry.WhyNotReversible(Status, ReversalOf) is null;
}

public sealed record RuleDto(string Code, string Name, decimal Points, string Unit, decimal? CapPerMonth, decimal? CapPerYear,
    bool NeedsApproval, bool NeedsEvidence, bool IsVeto);

/// <summary>GET /api/members/{id}/points (API.md: assessmentScore, spendableBalance, starLevel, entries).</summary>
public sealed record MemberPointsDto(int MemberId, string Name, string Tier, int Year, decimal BaseScore, decimal AssessmentScore,
    decimal SpendableBalance, int StarLevel, bool Vetoed, IReadOnlyList<EntryDto> Entries);

/// <summary>API.md: rank, memberId, name, assessmentScore, starLevel; periodPoints is what the ranked period granted (the year's
/// approved points for the year's board).</summary>
public sealed record LeaderboardRow(int Rank, int MemberId, string Name, decimal AssessmentScore, int StarLevel, string Tier, string UnitName,
    decimal PeriodPoints);

public static class PointsProjections
{
    public static RuleDto ToDto(this PointRule r) =>
        new(r.Code, r.Name, r.Points, r.Unit, r.CapPerMonth, r.CapPerYear, r.NeedsApproval, r.NeedsEvidence, r.IsVeto);

    /// <summary>The entry with its member's and rule's names, translated to one SQL query.</summary>
    public static Expression<Func<LedgerEntry, EntryDto>> Entry(JishiDbContext db) => e => new EntryDto(
        e.Id, e.MemberId, db.Members.Where(m => m.Id == e.MemberId).Select(m => m.Name).First(), e.RuleCode,
        db.PointRules.Where(r => r.RuleSetId == e.RuleSetId && r.Code == e.RuleCode).Select(r => r.Name).FirstOrDefault() ?? e.RuleCode,
        e.RuleVersion, e.Quantity, e.Requested, e.Granted, e.CapCut, e.IsVeto, e.Status, e.OccurredOn, e.RecordedAt, e.RecordedBy,
        e.Status == EntryStatus.Approved ? e.DecidedBy : null, e.DecidedBy,
        db.Users.Where(u => u.UserName == e.RecordedBy).Select(u => u.DisplayName).FirstOrDefault() ?? e.RecordedBy,
        db.Users.Where(u => u.UserName == e.DecidedBy).Select(u => u.DisplayName).FirstOrDefault() ?? e.DecidedBy, e.Note, e.Evidence, e.Reason, e.SourceKey, e.ReversalOf,
        db.LedgerEntries.Any(r => r.ReversalOf == e.Id), e.ReviewedBy);
}
