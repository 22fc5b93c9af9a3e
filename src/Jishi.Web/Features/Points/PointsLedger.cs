using Jishi.Web.Data;
using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Audit;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Points;

/// <summary>Every change of the ledger: awards, approvals, rejections and reversals. Each runs in a transaction that
/// changes the ledger and the member's balance row together, serialized per member, so caps read a settled history and the
/// balance equals the ledger under any concurrency (ADR-007). Awards are checked here and stored by group commit
/// (<see cref="IAwardStore"/>: <see cref="AwardWriter"/>, ADR-008); approvals, rejections and reversals run alone under the
/// member's write lock (<see cref="MemberWriteLock"/>).</summary>
public sealed class PointsLedger(JishiDbContext db, CurrentUser user, TimeProvider clock, RuleSetLookup rules, MemberWriteLock writeLock,
    IAwardStore awards, CurrentSets sets, AuditActor audit)
{
    public const int MaxNote = 500;

    public sealed record AwardRequest(int MemberId, string? RuleCode, decimal? Quantity, DateOnly? OccurredOn, string? Note,
        string? SourceKey, string? Evidence = null);

    /// <summary><paramref name="Created"/> is false when the source key had posted before: the earlier entry, nothing added.</summary>
    public sealed record AwardOutcome(EntryCreated Entry, bool Created);

    public sealed record ReasonRequest(string? Reason);

    private sealed record MemberRef(int Id, string Tier, string UnitPath);

    // Compiled (per model, see CompiledQuery): awards arrive by the thousand a second, and these two run for each.
    private static readonly CompiledQuery<Func<JishiDbContext, int, string, CancellationToken, Task<MemberRef?>>> MemberInScope =
        new(() => EF.CompileAsyncQuery(UnitScope.Translatable((JishiDbContext db, int id, string scope, CancellationToken ct) => db.Members.AsNoTracking()
            .Where(m => m.Id == id && UnitScope.Sees(scope, m.Unit!.Path)).Select(m => new MemberRef(m.Id, m.Tier, m.Unit!.Path)).FirstOrDefault())));

    private static readonly CompiledQuery<Func<JishiDbContext, string, CancellationToken, Task<EntryCreated?>>> EntryOfKey =
        new(() => EF.CompileAsyncQuery((JishiDbContext db, string key, CancellationToken ct) => db.LedgerEntries.AsNoTracking().Where(e => e.SourceKey == key)
            .Select(e => new EntryCreated(e.Id, e.Granted, e.Status, e.CapCut)).FirstOrDefault()));

    public Task<Result<AwardOutcome>> AwardAsync(AwardRequest request, CancellationToken ct) =>
        AwardAsync(request, fresh: false, wholeTree: false, ct);

    /// <summary>An award of an automatic source whose handler has already decided that it is due (a wish its resident
    /// confirmed): the member is found in the whole tree, not only in the caller's subtree — a resident has none, and the
    /// member may belong to another community than the staff member confirming.</summary>
    public Task<Result<AwardOutcome>> AwardForSourceAsync(AwardRequest request, CancellationToken ct) =>
        AwardAsync(request, fresh: false, wholeTree: true, ct);

    /// <param name="fresh">Read the rule set from the database rather than <see cref="CurrentSets"/>' copy.</param>
    /// <param name="wholeTree">Find the member anywhere (<see cref="AwardForSourceAsync"/>).</param>
    private async Task<Result<AwardOutcome>> AwardAsync(AwardRequest request, bool fresh, bool wholeTree, CancellationToken ct)
    {
        if (await FindMemberAsync(request.MemberId, wholeTree, ct) is not { } member)
        {
            return Error.NotFound("Entity.Member");
        }
        var key = Trimmed(request.SourceKey);
        if (key is not null && await EarlierAsync(key, ct) is { } earlier)
        {
            return earlier;
        }
        var today = Today();
        var on = request.OccurredOn ?? today;
        var problems = new List<FieldProblem>();
        if (Trimmed(request.RuleCode) is null)
        {
            problems.Add(new("ruleCode", "Points.RuleRequired"));
        }
        if (request.Quantity is <= 0 or > 10_000)
        {
            problems.Add(new("quantity", "Points.QuantityRange"));
        }
        if (on > today || on.Year < 2000)
        {
            problems.Add(new("occurredOn", "Points.OccurredOnRange"));
        }
        CheckLength(problems, "note", request.Note, MaxNote);
        CheckLength(problems, "evidence", request.Evidence, 1000);
        CheckLength(problems, "sourceKey", key, 200);
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        var street = Unit.StreetOf(member.UnitPath);
        var set = await sets.GetAsync(rules, street, member.Tier, on.Year, fresh, ct);
        if (set.Rule(request.RuleCode!.Trim()) is null && !fresh)
        {
            // A rule added by a draft adopted since the set was cached.
            set = await sets.GetAsync(rules, street, member.Tier, on.Year, fresh = true, ct);
        }
        if (set.Rule(request.RuleCode!.Trim()) is not { } rule)
        {
            return new ValidationError([new("ruleCode", "Points.UnknownRule", request.RuleCode.Trim(), member.Tier, on.Year)]);
        }
        if (rule.NeedsEvidence && Trimmed(request.Evidence) is null)
        {
            return new ValidationError([new("evidence", "Points.EvidenceRequired", rule.Name)]);
        }
        // Recorded by the scope's actor: the resident whose confirmation of a wish posts it, say.
        var award = new LedgerEntry.Award(member.Id, request.Quantity ?? 1, on, audit.Name, clock.GetUtcNow().UtcDateTime,
            Trimmed(request.Note), Trimmed(request.Evidence), key);
        // Null: the set was retired after it was read; the award is checked again against the current one.
        return await awards.WriteAsync(new AwardWriter.Pending(set, rule, award), ct) is { } written
            ? written : await AwardAsync(request, fresh: true, wholeTree, ct);
    }

    /// <summary>Approves a pending entry; under 社区复核 a branch secretary's approval is the first of two and the entry
    /// counts when the community approves it.</summary>
    public async Task<Result<EntryDto>> ApproveAsync(long id, CancellationToken ct)
    {
        var (level, twoLevel) = (Level(), await CommunityReviewAsync(id, ct));
        return await DecideAsync(id, entry => entry.WhyNotDecidable(level, twoLevel),
            entry => entry.Approve(user.UserName ?? "system", clock.GetUtcNow().UtcDateTime, level, twoLevel), ct);
    }

    public async Task<Result<EntryDto>> RejectAsync(long id, ReasonRequest request, CancellationToken ct)
    {
        if (ReasonProblem(request) is { } invalid)
        {
            return invalid;
        }
        var (level, twoLevel) = (Level(), await CommunityReviewAsync(id, ct));
        return await DecideAsync(id, entry => entry.WhyNotDecidable(level, twoLevel),
            entry => entry.Reject(user.UserName ?? "system", clock.GetUtcNow().UtcDateTime, request.Reason!.Trim()), ct);
    }

    /// <summary>Posts the reversing entry of an approved entry; 409 for a pending, rejected, reversed or reversing one.</summary>
    public async Task<Result<EntryDto>> ReverseAsync(long id, ReasonRequest request, CancellationToken ct)
    {
        if (ReasonProblem(request) is { } invalid)
        {
            return invalid;
        }
        if (await FindEntryMemberAsync(id, ct) is not { } memberId)
        {
            return Error.NotFound("Entity.LedgerEntry");
        }
        try
        {
            return await writeLock.SerializedAsync(memberId, async () =>
            {
                var original = await db.LedgerEntries.FirstAsync(e => e.Id == id, ct);
                if (original.WhyNotReversible() is { } why)
                {
                    return (Result<EntryDto>)Error.Conflict(why);
                }
                if (await db.LedgerEntries.AnyAsync(e => e.ReversalOf == id, ct))
                {
                    return Error.Conflict("Points.AlreadyReversed");
                }
                var reversal = original.Reverse(user.UserName ?? "system", clock.GetUtcNow().UtcDateTime, request.Reason!.Trim());
                db.LedgerEntries.Add(reversal);
                (await BalanceAsync(memberId, original.Year, RuleSet.DefaultBaseScore, ct)).Count(reversal);
                await db.SaveChangesAsync(ct);
                return await DtoAsync(reversal.Id, ct);
            }, ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return Error.Conflict("Points.AlreadyReversed");
        }
    }

    /// <summary>Approves or rejects a pending entry unless <paramref name="refuse"/> names why not; the balance counts the
    /// entry when <paramref name="decide"/> has approved it finally.</summary>
    private async Task<Result<EntryDto>> DecideAsync(long id, Func<LedgerEntry, string?> refuse, Action<LedgerEntry> decide, CancellationToken ct)
    {
        if (await FindEntryMemberAsync(id, ct) is not { } memberId)
        {
            return Error.NotFound("Entity.LedgerEntry");
        }
        return await writeLock.SerializedAsync(memberId, async () =>
        {
            var entry = await db.LedgerEntries.FirstAsync(e => e.Id == id, ct);
            if (refuse(entry) is { } why)
            {
                return (Result<EntryDto>)Error.Conflict(why);
            }
            decide(entry);
            if (entry.Status == EntryStatus.Approved)
            {
                (await BalanceAsync(memberId, entry.Year, RuleSet.DefaultBaseScore, ct)).Count(entry);
            }
            await db.SaveChangesAsync(ct);
            return await DtoAsync(id, ct);
        }, ct);
    }

    /// <summary>A community secretary or the street decides as the community; a branch secretary as the branch.</summary>
    private ApprovalLevel Level() =>
        user.IsInRole(Roles.StreetAdmin) || user.IsInRole(Roles.CommunitySecretary) ? ApprovalLevel.Community : ApprovalLevel.Branch;

    /// <summary>Whether the rule set version that produced the entry asks for 社区复核 (an adopted version never changes).</summary>
    private Task<bool> CommunityReviewAsync(long id, CancellationToken ct) =>
        db.LedgerEntries.Where(e => e.Id == id).Select(e => db.RuleSets.Where(s => s.Id == e.RuleSetId).Select(s => s.CommunityReview).FirstOrDefault())
            .FirstOrDefaultAsync(ct);

    /// <summary>The member's balance row of the year, created on the first entry (inside the member's lock, so once).</summary>
    private async Task<MemberPoints> BalanceAsync(int memberId, int year, decimal baseScore, CancellationToken ct)
    {
        if (await db.MemberPoints.FirstOrDefaultAsync(p => p.MemberId == memberId && p.Year == year, ct) is { } existing)
        {
            return existing;
        }
        var created = new MemberPoints(memberId, year, baseScore);
        db.MemberPoints.Add(created);
        return created;
    }

    private async Task<AwardOutcome?> EarlierAsync(string key, CancellationToken ct) =>
        await EntryOfKey.For(db)(db, key, ct) is { } found ? new AwardOutcome(found, false) : null;

    private async Task<MemberRef?> FindMemberAsync(int id, bool wholeTree, CancellationToken ct) =>
        await MemberInScope.For(db)(db, id, wholeTree ? "/" : await user.ScopePathAsync(ct), ct);

    /// <summary>The member of an entry the caller may see (the member is in the caller's subtree), or null.</summary>
    private async Task<int?> FindEntryMemberAsync(long id, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        return await db.LedgerEntries.AsNoTracking().Where(e => e.Id == id)
            .Where(e => db.Members.Within(scope).Any(m => m.Id == e.MemberId))
            .Select(e => (int?)e.MemberId).FirstOrDefaultAsync(ct);
    }

    private async Task<Result<EntryDto>> DtoAsync(long id, CancellationToken ct) =>
        await db.LedgerEntries.AsNoTracking().Where(e => e.Id == id).Select(PointsProjections.Entry(db)).FirstAsync(ct);

    private static ValidationError? ReasonProblem(ReasonRequest request) =>
        Trimmed(request.Reason) is not { } reason ? new ValidationError([new("reason", "Points.ReasonRequired")])
        : reason.Length > MaxNote ? new ValidationError([new("reason", "Text.TooLong", MaxNote)])
        : null;

    private static void CheckLength(List<FieldProblem> problems, string field, string? value, int max)
    {
        if (value?.Trim().Length > max)
        {
            problems.Add(new(field, "Text.TooLong", max));
        }
    }

    private static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
