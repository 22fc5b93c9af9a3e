using System.Diagnostics;

namespace Jishi.Bench;

/// <summary>How long and how hard: <see cref="Clients"/> concurrent clients each send the next request as soon as the last
/// one is answered (a closed loop), for <see cref="WarmUp"/> unmeasured and then <see cref="Duration"/> measured, or until
/// the work runs out (<see cref="MaxRequests"/>, or an operation answering null).</summary>
public sealed record LoadOptions(int Clients, TimeSpan WarmUp, TimeSpan Duration, long? MaxRequests = null);

/// <summary>What one load run measured: requests completed inside the measured window, its length, the latency
/// percentiles, failed requests over the whole run (warm-up included) and the server's CPU seconds over the window.</summary>
public sealed record LoadResult(long Requests, double Seconds, double P50, double P95, double P99, long Errors, double ServerCpu)
{
    public double PerSecond => Seconds > 0 ? Requests / Seconds : 0;

    public override string ToString() =>
        $"{PerSecond:N0}/s ({Requests:N0} in {Seconds:F1} s); p50 {P50:F1} ms, p95 {P95:F1} ms, p99 {P99:F1} ms; {Errors} errors";
}

/// <summary>The one load generator of every scenario and ceiling (ADR-010). An operation answers true for success, false
/// for a failure (a non-2xx answer, an exception), null when there is no more work (one-time ballot codes used up).</summary>
public static class LoadGenerator
{
    public static async Task<LoadResult> RunAsync(LoadOptions options, Func<Random, Task<bool?>> operation, Func<double>? serverCpu = null)
    {
        var histograms = new LatencyHistogram[options.Clients];
        var errors = 0L;
        var started = 0L;
        var clock = Stopwatch.StartNew();
        var measureFrom = options.WarmUp;
        var measureUntil = options.WarmUp + options.Duration;
        var lastCompletion = TimeSpan.Zero;
        var cpuAtStart = -1.0;
        using var warmedUp = new CancellationTokenSource(measureFrom);
        warmedUp.Token.Register(() => cpuAtStart = serverCpu?.Invoke() ?? 0);
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(worker => Task.Run(async () =>
        {
            var histogram = histograms[worker] = new LatencyHistogram();
            var random = new Random(worker);
            while (clock.Elapsed < measureUntil && (options.MaxRequests is not { } max || Interlocked.Increment(ref started) <= max))
            {
                var begin = clock.Elapsed;
                bool? ok;
                try
                {
                    ok = await operation(random);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Data.Common.DbException)
                {
                    ok = false;
                }
                var end = clock.Elapsed;
                if (ok is null)
                {
                    break;
                }
                if (ok == false)
                {
                    Interlocked.Increment(ref errors);
                }
                else if (end >= measureFrom && end <= measureUntil)
                {
                    histogram.Add((end - begin).TotalMilliseconds);
                    lock (histograms)
                    {
                        lastCompletion = end > lastCompletion ? end : lastCompletion;
                    }
                }
            }
        })));
        if (cpuAtStart < 0)
        {
            // The work ran out inside the warm-up (a single import request has none): measure from the start.
            measureFrom = TimeSpan.Zero;
            cpuAtStart = 0;
        }
        var cpu = serverCpu is null ? 0 : serverCpu() - cpuAtStart;
        var all = LatencyHistogram.Merge(histograms);
        var window = (clock.Elapsed < measureUntil ? lastCompletion : measureUntil) - measureFrom;
        return new LoadResult(all.Count, window.TotalSeconds, all.Percentile(0.50), all.Percentile(0.95), all.Percentile(0.99), errors, cpu);
    }

    /// <summary>An HTTP operation: success is any 2xx answer.</summary>
    public static async Task<bool> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        using (request)
        using (var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead))
        {
            return response.IsSuccessStatusCode;
        }
    }
}

/// <summary>Latencies in logarithmic buckets 1 % wide from 1 µs up (a few thousand counters, whatever the request
/// count), so percentiles cost no sorting and are exact to 1 %.</summary>
public sealed class LatencyHistogram
{
    private const double Growth = 1.01;
    private static readonly double LogGrowth = Math.Log(Growth);
    private readonly long[] _buckets = new long[2400];

    public long Count { get; private set; }

    public void Add(double milliseconds)
    {
        var micros = Math.Max(1, milliseconds * 1000);
        _buckets[Math.Min(_buckets.Length - 1, (int)(Math.Log(micros) / LogGrowth))]++;
        Count++;
    }

    public static LatencyHistogram Merge(IEnumerable<LatencyHistogram?> parts)
    {
        var all = new LatencyHistogram();
        foreach (var part in parts.OfType<LatencyHistogram>())
        {
            for (var i = 0; i < all._buckets.Length; i++)
            {
                all._buckets[i] += part._buckets[i];
            }
            all.Count += part.Count;
        }
        return all;
    }

    /// <summary>The latency in ms below which the share <paramref name="q"/> of requests fell (the bucket's middle).</summary>
    public double Percentile(double q)
    {
        if (Count == 0)
        {
            return 0;
        }
        var rank = (long)Math.Ceiling(q * Count);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            if ((seen += _buckets[i]) >= rank)
            {
                return Math.Pow(Growth, i + 0.5) / 1000;
            }
        }
        return Math.Pow(Growth, _buckets.Length) / 1000;
    }
}
