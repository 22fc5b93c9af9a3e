using System.Security.Claims;
using System.Threading.Channels;
using Jishi.Web.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Shared;

/// <summary>Group commit, the write path of ballots (<see cref="Features.Reviews.BallotWriter"/>) and single awards
/// (<see cref="Features.Points.AwardWriter"/>): requests queue an item, one loop takes whatever has queued and stores it with
/// <see cref="CommitAsync"/> in one transaction, then answers each request. Nothing is answered before the commit, and a
/// batch that fails answers each of its requests with the error. One commit and disk flush per batch instead of per request
/// is what lets many writers share SQLite's single write lock (bench/README.md).</summary>
public abstract class GroupCommitWriter<TItem, TResult>(ILogger log) : BackgroundService
{
    private const int MaxBatch = 256;

    private readonly Channel<(TItem Item, TaskCompletionSource<TResult> Done)> _queue = Channel.CreateBounded<(TItem, TaskCompletionSource<TResult>)>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    protected ILogger Log { get; } = log;

    /// <summary>Stores the items of one batch in one transaction; one result per item, in order.</summary>
    protected abstract Task<TResult[]> CommitAsync(List<TItem> batch, CancellationToken ct);

    /// <summary>A batch that lost a race on a unique key to another process (or a deadlock on PostgreSQL) runs again: its
    /// second run finds the other's row and answers it.</summary>
    protected async Task<TResult[]> RetryLostRacesAsync(Func<Task<TResult[]>> commitOnce, int count)
    {
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await commitOnce();
            }
            catch (Exception e) when (attempt < attempts && IsLostRace(e))
            {
                Log.LogInformation(e, "A batch of {Count} writes lost a race (attempt {Attempt}); running it again", count, attempt);
            }
        }
    }

    private static bool IsLostRace(Exception e) =>
        e is DbUpdateException update && UniqueViolation.Is(update)
        || (e as Npgsql.PostgresException ?? e.InnerException as Npgsql.PostgresException)?.SqlState == Npgsql.PostgresErrorCodes.DeadlockDetected;

    /// <summary>Consecutive items of one caller (by name), as indexes into the batch, in arrival order: an audit entry names
    /// one actor, so a writer saves each run as its caller.</summary>
    protected static IEnumerable<List<int>> Runs(List<TItem> batch, Func<TItem, string?> caller)
    {
        var run = new List<int>();
        for (var i = 0; i < batch.Count; i++)
        {
            if (run.Count > 0 && caller(batch[run[0]]) != caller(batch[i]))
            {
                yield return run;
                run = [];
            }
            run.Add(i);
        }
        yield return run;
    }

    /// <summary>Queues <paramref name="item"/> and answers once its batch committed. Once queued the outcome no longer depends
    /// on the caller: a client that goes away does not leave half a write.</summary>
    protected async Task<TResult> EnqueueAsync(TItem item, CancellationToken ct)
    {
        var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync((item, done), ct);
        return await done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(TItem Item, TaskCompletionSource<TResult> Done)>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var queued))
            {
                batch.Add(queued);
            }
            try
            {
                var results = await CommitAsync(batch.Select(b => b.Item).ToList(), stoppingToken);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(results[i]);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.LogError(e, "A batch of {Count} writes could not be stored; none of them was acknowledged", batch.Count);
                foreach (var (_, done) in batch)
                {
                    done.TrySetException(e);
                }
            }
        }
    }
}
