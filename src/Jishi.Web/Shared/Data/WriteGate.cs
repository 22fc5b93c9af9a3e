namespace Jishi.Web.Shared.Data;

/// <summary>Queues this process's writers in memory by key (a member's id on PostgreSQL, <see cref="WholeDatabase"/> on
/// SQLite, where there is one writer per database anyway), so that a burst of writes waits here instead of holding a pooled
/// connection each while it waits for the database lock (a thousand awards to one member would exhaust the pool). The
/// database lock stays the guarantee across processes (<see cref="MemberWriteLock"/>); this only keeps the waiting cheap
/// and fair.</summary>
public sealed class WriteGate
{
    /// <summary>The key of every SQLite writer; PostgreSQL writers of a member use the member's id, others a negative key.</summary>
    public const int WholeDatabase = 0;

    private readonly Dictionary<int, Gate> _gates = [];

    private sealed class Gate
    {
        public readonly SemaphoreSlim Semaphore = new(1, 1);
        public int Users;
    }

    /// <summary>Waits for <paramref name="key"/>; disposing the answer lets the next writer of that key in.</summary>
    public async Task<IDisposable> EnterAsync(int key, CancellationToken ct)
    {
        Gate gate;
        lock (_gates)
        {
            if (!_gates.TryGetValue(key, out gate!))
            {
                _gates[key] = gate = new Gate();
            }
            gate.Users++;
        }
        try
        {
            await gate.Semaphore.WaitAsync(ct);
        }
        catch
        {
            Leave(key, gate, entered: false);
            throw;
        }
        return new Entered(() => Leave(key, gate, entered: true));
    }

    private void Leave(int key, Gate gate, bool entered)
    {
        if (entered)
        {
            gate.Semaphore.Release();
        }
        lock (_gates)
        {
            if (--gate.Users == 0)
            {
                _gates.Remove(key);
                gate.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entered(Action leave) : IDisposable
    {
        private Action? _leave = leave;

        public void Dispose() => Interlocked.Exchange(ref _leave, null)?.Invoke();
    }
}
