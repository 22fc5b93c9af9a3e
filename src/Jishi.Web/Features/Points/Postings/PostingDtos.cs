namespace Jishi.Web.Features.Points.Postings;

public sealed record PostingSummary(int Id, int UnitId, string UnitName, int Year, int Quarter, DateOnly OpensOn,
    DateOnly ClosesOn, bool IsOpen, int Objections, int OpenObjections);

public sealed record PostedEntry(long Id, string RuleName, DateOnly OccurredOn, decimal Points, long? ReversalOf,
    bool Reversed, bool IsVeto = false);

public sealed record PostedMember(int MemberId, string Name, string UnitName, decimal Score,
    IReadOnlyList<PostedEntry> Entries);

public sealed record ObjectionDto(int Id, int PostingId, long EntryId, string MemberName, string RuleName,
    decimal Points,
    string Reason, string RecordedBy, DateTime RecordedAt, ObjectionStatus Status, string? Resolution,
        string? ResolvedBy,
    DateTime? ResolvedAt, long? ReversalEntryId);

/// <summary>A 公示 with every member's score of the quarter (the approved entries dated in it, reversals included) and
/// the
/// objections so far. Read live from the ledger, so a reversal shows at once.</summary>
public sealed record PostingDetail(PostingSummary Posting, IReadOnlyList<PostedMember> Members,
    IReadOnlyList<ObjectionDto> Objections)
{
    /// <summary>The 公示 as it goes up on the public notice board: names and scores, never the reason of a veto (一票否决
    /// entries are left off the items, as are the objections, which name members and their reasons).</summary>
    public PostingDetail ForPublic() => this with
    {
        Members = Members.Select(m => m with { Entries = m.Entries.Where(e => !e.IsVeto).ToList() }).ToList(),
        Objections = [],
    };
}
