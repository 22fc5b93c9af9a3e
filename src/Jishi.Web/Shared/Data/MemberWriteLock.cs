using Jishi.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Jishi.Web.Shared.Data;

/// <summary>The tables whose rows a points write locks on PostgreSQL, in the one order every writer takes them:
/// <see cref="Transactions.LockRowsAsync"/> locks table by table in this order and within a table in id order, so the ledger's
/// writes, the award and redemption batches and the cancellations of any server instance never wait for each other in a
/// circle. A later UPDATE of the transaction (a balance, a stock) touches only rows these locks already cover, or rows of a
/// table later in this order.</summary>
public enum LockedTable
{
    /// <summary>A member's row stands for all of the member's points: the ledger, the balances and the redemptions. Locked
    /// FOR NO KEY UPDATE, which leaves the foreign-key checks of rows that reference the member free.</summary>
    Members,

    /// <summary>The goods whose stock a redemption takes.</summary>
    Goods,
}

public static class Transactions
{
    /// <summary>Locks the rows until the transaction ends, in <see cref="LockedTable"/>'s order whatever the order of
    /// <paramref name="rows"/>. On SQLite nothing is needed: the transaction holds the database's write lock from BEGIN
    /// (Microsoft.Data.Sqlite begins IMMEDIATE), which serializes every writer of any process.</summary>
    public static async Task LockRowsAsync(this DatabaseFacade database, IEnumerable<(LockedTable Table, IEnumerable<int> Ids)> rows,
        CancellationToken ct)
    {
        if (database.IsSqlite())
        {
            return;
        }
        foreach (var table in rows.GroupBy(r => r.Table).OrderBy(g => g.Key))
        {
            var ids = table.SelectMany(r => r.Ids).Distinct().Order().ToArray();
            if (ids.Length > 0)
            {
                await database.ExecuteSqlRawAsync(Statement(table.Key), [ids], ct);
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> in a transaction of its own, committed only when the work succeeds: an early
    /// answer, or an error after a partial write, rolls everything back, as does an exception.</summary>
    public static async Task<Result<T>> CommittedIfSuccessAsync<T>(this DatabaseFacade database, Func<Task<Result<T>>> work, CancellationToken ct)
    {
        await using var tx = await database.BeginTransactionAsync(ct);
        var result = await work();
        if (result.IsSuccess)
        {
            await tx.CommitAsync(ct);
        }
        return result;
    }

    private static string Statement(LockedTable table) =>
        "SELECT 1 FROM \"" + table + "\" WHERE \"Id\" = ANY({0}) ORDER BY \"Id\" FOR NO KEY UPDATE";
}

/// <summary>The one write lock of a member's points: every write of the ledger, the balances or the redemptions runs in a
/// transaction holding it, so caps read a settled history, a balance equals its ledger and none goes below zero under
/// any concurrency (ADR-007). This process's writers first queue at <see cref="WriteGate"/>; the database lock
/// (<see cref="Transactions"/>) is the guarantee across processes.</summary>
public sealed class MemberWriteLock(JishiDbContext db, WriteGate gate)
{
    /// <summary>Runs <paramref name="work"/> in a transaction of its own that no other write of the member overlaps (SQLite:
    /// no other write at all), committed only when the work succeeds: an early answer, or an error after a partial write,
    /// rolls everything back.</summary>
    public async Task<Result<T>> SerializedAsync<T>(int memberId, Func<Task<Result<T>>> work, CancellationToken ct)
    {
        using var turn = await gate.EnterAsync(db.Database.IsSqlite() ? WriteGate.WholeDatabase : memberId, ct);
        return await db.Database.CommittedIfSuccessAsync(async () =>
        {
            await db.Database.LockRowsAsync([(LockedTable.Members, [memberId])], ct);
            return await work();
        }, ct);
    }

    /// <summary>Runs a group commit's batch (<see cref="GroupCommitWriter{TItem, TResult}"/>) in a transaction of its own
    /// holding the locks of every member of <paramref name="rows"/> and the other rows it names, committed when the work
    /// returns (a refusal inside the batch gives back what it took; an exception rolls the whole batch back). On SQLite the
    /// batch queues with the single writes; on PostgreSQL it holds many members' rows, so it waits at their locks instead.</summary>
    public async Task<T> BatchAsync<T>(IEnumerable<(LockedTable Table, IEnumerable<int> Ids)> rows, Func<Task<T>> work, CancellationToken ct)
    {
        using var turn = db.Database.IsSqlite() ? await gate.EnterAsync(WriteGate.WholeDatabase, ct) : null;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.LockRowsAsync(rows, ct);
        var result = await work();
        await tx.CommitAsync(ct);
        return result;
    }
}
