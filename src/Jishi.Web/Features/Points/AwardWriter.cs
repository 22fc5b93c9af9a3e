using Jishi.Web.Data;
using Jishi.Web.Features.Audit;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Points;

/// <summary>Stores awards by group commit (ADR-008): requests queue their checked award, one loop stores whatever has
/// queued, for any members, in one transaction and then answers each request. Inside that transaction the batch holds
/// every lock a single award would (SQLite's write lock, or the members' rows on PostgreSQL), reads the source keys, cap
/// usage and balance rows of the whole batch once, and then posts the awards in arrival order, so caps see a settled
/// history, a key posts once and every balance equals its ledger. Nothing is acknowledged before the commit.</summary>
public sealed class AwardWriter(IServiceScopeFactory scopes, ILogger<AwardWriter> log)
    : GroupCommitWriter<AwardWriter.Pending, PointsLedger.AwardOutcome?>(log), IAwardStore
{
    /// <summary>A checked award by <see cref="Rule"/> of <see cref="Set"/>, audited as the award's recorder.</summary>
    public sealed record Pending(RuleSet Set, PointRule Rule, LedgerEntry.Award Award);

    public Task<PointsLedger.AwardOutcome?> WriteAsync(Pending pending, CancellationToken ct) => EnqueueAsync(pending, ct);

    protected override Task<PointsLedger.AwardOutcome?[]> CommitAsync(List<Pending> batch, CancellationToken ct) =>
        RetryLostRacesAsync(() => CommitOnceAsync(batch, ct), batch.Count);

    private async Task<PointsLedger.AwardOutcome?[]> CommitOnceAsync(List<Pending> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JishiDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditActor>();
        var memberIds = batch.Select(p => p.Award.MemberId).ToList();
        return await scope.ServiceProvider.GetRequiredService<MemberWriteLock>()
            .BatchAsync([(LockedTable.Members, memberIds)], () => StoreAsync(db, audit, batch, ct), ct);
    }

    /// <summary>Stores the batch in <paramref name="db"/>'s transaction, which the caller holds with the lock of every member
    /// of the batch; one outcome per award, in order, null where the set is no longer current.</summary>
    internal static async Task<PointsLedger.AwardOutcome?[]> StoreAsync(JishiDbContext db, AuditActor audit, List<Pending> batch, CancellationToken ct)
    {
        var memberIds = batch.Select(p => p.Award.MemberId).Distinct().ToArray();
        // Lists go in as one parameter each (EF.Parameter): expanded into one parameter per item, every batch size would be a
        // query of its own, compiled anew.
        var setIds = batch.Select(p => p.Set.Id).Distinct().ToList();
        var current = (await db.RuleSets.Where(s => EF.Parameter(setIds).Contains(s.Id) && s.Status == RuleSetStatus.Current).Select(s => s.Id).ToListAsync(ct)).ToHashSet();
        var earlier = await EarlierAsync(db, batch, ct);
        var usage = await UsageAsync(db, batch, ct);
        var years = batch.Select(p => p.Award.OccurredOn.Year).Distinct().ToList();
        var balances = await db.MemberPoints.Where(p => EF.Parameter(memberIds).Contains(p.MemberId) && EF.Parameter(years).Contains(p.Year))
            .ToDictionaryAsync(p => (p.MemberId, p.Year), ct);

        var outcomes = new PointsLedger.AwardOutcome?[batch.Count];
        var entries = new LedgerEntry?[batch.Count];
        var firstOfKey = new Dictionary<string, int>();
        // Audit rows name the caller, so each run of one caller's awards is saved under that caller.
        foreach (var run in Runs(batch, p => p.Award.RecordedBy))
        {
            foreach (var i in run)
            {
                var (set, rule, award) = batch[i];
                if (!current.Contains(set.Id))
                {
                    continue;
                }
                if (award.SourceKey is { } key)
                {
                    if (earlier.TryGetValue(key, out var posted))
                    {
                        outcomes[i] = new(posted, false);
                        continue;
                    }
                    if (!firstOfKey.TryAdd(key, i))
                    {
                        continue;
                    }
                }
                var cap = usage.GetValueOrDefault((award.MemberId, award.OccurredOn.Year));
                var (month, year) = cap?.Of(rule.Code, award.OccurredOn) ?? (0m, 0m);
                var entry = entries[i] = LedgerEntry.Create(set, rule, award, month, year);
                cap?.Add(rule.Code, award.OccurredOn, entry.Granted);
                db.LedgerEntries.Add(entry);
                if (entry.Status == EntryStatus.Approved)
                {
                    if (!balances.TryGetValue((award.MemberId, entry.Year), out var balance))
                    {
                        balances[(award.MemberId, entry.Year)] = balance = new MemberPoints(award.MemberId, entry.Year, set.BaseScore);
                        db.MemberPoints.Add(balance);
                    }
                    balance.Count(entry);
                }
            }
            using (audit.Act(batch[run[0]].Award.RecordedBy))
            {
                await db.SaveChangesAsync(ct);
            }
        }

        for (var i = 0; i < batch.Count; i++)
        {
            // A second award of a key within the batch answers the first one's entry.
            outcomes[i] ??= entries[i] is { } entry ? new(Created(entry), true)
                : batch[i].Award.SourceKey is { } key && firstOfKey.TryGetValue(key, out var first) ? new(Created(entries[first]!), false)
                : null;
        }
        return outcomes;
    }

    private static async Task<Dictionary<string, EntryCreated>> EarlierAsync(JishiDbContext db, List<Pending> batch, CancellationToken ct)
    {
        var keys = batch.Select(p => p.Award.SourceKey).OfType<string>().Distinct().ToList();
        return keys.Count == 0 ? [] : await db.LedgerEntries.AsNoTracking().Where(e => EF.Parameter(keys).Contains(e.SourceKey!))
            .Select(e => new { e.SourceKey, Entry = new EntryCreated(e.Id, e.Granted, e.Status, e.CapCut) })
            .ToDictionaryAsync(e => e.SourceKey!, e => e.Entry, ct);
    }

    /// <summary>What the capped rules of the batch already granted its members, per member and year: pending entries hold
    /// their share of the cap until rejected, reversals give theirs back (as <see cref="PointRule.Grant"/> expects).</summary>
    private static async Task<Dictionary<(int Member, int Year), CapUsage>> UsageAsync(JishiDbContext db, List<Pending> batch, CancellationToken ct)
    {
        var capped = batch.Where(p => p.Rule.CapPerMonth is not null || p.Rule.CapPerYear is not null).ToList();
        var usage = capped.Select(p => (p.Award.MemberId, p.Award.OccurredOn.Year)).Distinct().ToDictionary(k => k, _ => new CapUsage());
        if (capped.Count == 0)
        {
            return usage;
        }
        var members = capped.Select(p => p.Award.MemberId).Distinct().ToList();
        var years = capped.Select(p => p.Award.OccurredOn.Year).Distinct().ToList();
        var codes = capped.Select(p => p.Rule.Code).Distinct().ToList();
        var rows = await db.LedgerEntries.AsNoTracking()
            .Where(e => EF.Parameter(members).Contains(e.MemberId) && EF.Parameter(years).Contains(e.Year) && EF.Parameter(codes).Contains(e.RuleCode) && e.Status != EntryStatus.Rejected)
            .Select(e => new { e.MemberId, e.Year, e.RuleCode, e.OccurredOn, e.Granted }).ToListAsync(ct);
        foreach (var row in rows)
        {
            usage.GetValueOrDefault((row.MemberId, row.Year))?.Add(row.RuleCode, row.OccurredOn, row.Granted);
        }
        return usage;
    }

    internal static EntryCreated Created(LedgerEntry e) => new(e.Id, e.Granted, e.Status, e.CapCut);
}

/// <summary>Where <see cref="PointsLedger"/> stores a checked award: by group commit (<see cref="AwardWriter"/>), or in the
/// caller's transaction (<see cref="AwardsInTransaction"/>).</summary>
public interface IAwardStore
{
    /// <summary>Posts the award; null when its set is no longer current (a draft was adopted since it was read): nothing
    /// was posted.</summary>
    Task<PointsLedger.AwardOutcome?> WriteAsync(AwardWriter.Pending pending, CancellationToken ct);
}

/// <summary>Stores each award at once in <paramref name="db"/>'s current transaction, with <see cref="AwardWriter"/>'s store
/// method: for a caller whose one transaction already holds every lock, the demo's seeding (which holds the new
/// database's write lock), whose rows the writer's own transaction could not see.</summary>
public sealed class AwardsInTransaction(JishiDbContext db, AuditActor audit) : IAwardStore
{
    public async Task<PointsLedger.AwardOutcome?> WriteAsync(AwardWriter.Pending pending, CancellationToken ct) =>
        (await AwardWriter.StoreAsync(db, audit, [pending], ct))[0];
}
