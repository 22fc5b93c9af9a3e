using System.Collections.Concurrent;

namespace Jishi.Web.Shared;

/// <summary>Counts failures per key (a client address) in fixed windows: a key is blocked once it has
/// <paramref name="limit"/> failures in the current window, until the window ends. Successes are never counted.</summary>
public sealed class FailureWindow(int limit, TimeSpan window, TimeProvider clock)
{
    /// <summary>Beyond this many keys, a charge first forgets the windows that have ended.</summary>
    private const int ForgetAbove = 10_000;

    private sealed class Count(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; set; } = start;
        public int Failures { get; set; }
    }

    private readonly ConcurrentDictionary<string, Count> _counts = new();

    /// <summary>True when <paramref name="key"/> may not try again yet; <paramref name="retryAfter"/> says how long.</summary>
    public bool IsBlocked(string key, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!_counts.TryGetValue(key, out var count))
        {
            return false;
        }
        lock (count)
        {
            var left = count.Start + window - clock.GetUtcNow();
            if (left <= TimeSpan.Zero || count.Failures < limit)
            {
                return false;
            }
            retryAfter = left;
            return true;
        }
    }

    /// <summary>One more failure for <paramref name="key"/>.</summary>
    public void Charge(string key)
    {
        var now = clock.GetUtcNow();
        if (_counts.Count > ForgetAbove)
        {
            foreach (var (k, c) in _counts)
            {
                if (c.Start + window <= now)
                {
                    _counts.TryRemove(k, out _);
                }
            }
        }
        var count = _counts.GetOrAdd(key, _ => new Count(now));
        lock (count)
        {
            if (count.Start + window <= now)
            {
                (count.Start, count.Failures) = (now, 0);
            }
            count.Failures++;
        }
    }
}
