using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.IntegrationTests.Points;
using Jishi.Web.Features.Points;

namespace Jishi.IntegrationTests.Faults;

/// <summary>What the fault tests do to a server: a few clients posting awards, each with a source key of its own, while the
/// test breaks the database and mends it. Every answer is kept with the phase of the test in which its request started.</summary>
public sealed class AwardStream : IAsyncDisposable
{
    public enum Phase
    {
        Up,
        Broken,
        Mended,
        Recovered,
    }

    public sealed record Outcome(string SourceKey, Phase Phase, HttpStatusCode Status, string? ContentType, string Body);

    private readonly ConcurrentQueue<Outcome> _outcomes = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _writers;
    private int _phase;

    /// <summary>Starts <paramref name="writers"/> clients posting through <paramref name="client"/> to <paramref name="members"/>.</summary>
    public AwardStream(HttpClient client, IReadOnlyList<int> members, int writers = 4)
    {
        _writers = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !_stop.IsCancellationRequested; i++)
            {
                var key = $"fault:{w}:{i}";
                var startedIn = (Phase)Volatile.Read(ref _phase);
                var response = await client.PostEntryAsync(members[(w + i) % members.Count], RuleCodes.LateOrEarly, occurredOn: "2016-06-01",
                    sourceKey: key);
                _outcomes.Enqueue(new(key, startedIn, response.StatusCode, response.Content.Headers.ContentType?.MediaType,
                    await response.Content.ReadAsStringAsync()));
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    // A client that backs off, as Retry-After asks, rather than a tight loop of failures.
                    await Task.Delay(50);
                }
            }
        })).ToList();
    }

    public Phase Current
    {
        get => (Phase)Volatile.Read(ref _phase);
        set => Volatile.Write(ref _phase, (int)value);
    }

    public int Count(Phase phase, HttpStatusCode? status = null) => _outcomes.Count(o => o.Phase == phase && (status is null || o.Status == status));

    /// <summary>Waits (30 s at most) until <paramref name="condition"/> holds.</summary>
    public static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "Timed out waiting for " + what);
            await Task.Delay(20);
        }
    }

    /// <summary>Waits until the server has recovered from the mended fault — the last two writes of every client since then were
    /// stored, so no pooled connection opened during the fault is still in use — then for <paramref name="more"/> writes started
    /// after that (the Recovered phase).</summary>
    public async Task WaitForRecoveryAsync(int more)
    {
        var run = 2 * _writers.Count;
        await WaitForAsync(() => _outcomes.Where(o => o.Phase == Phase.Mended).TakeLast(run).Count(o => o.Status == HttpStatusCode.Created) == run,
            $"{run} writes in a row stored after the fault was mended");
        Current = Phase.Recovered;
        await WaitForAsync(() => Count(Phase.Recovered) >= more, $"{more} writes after recovery");
    }

    /// <summary>Stops the clients and checks every answer: 201, or 503 with the Chinese ProblemDetails; at least one 503 while the
    /// database was broken; only 201 once it had recovered. Returns the source keys answered 201.</summary>
    public async Task<HashSet<string>> StopAndCheckAsync(Action<string> log, string detailFragment)
    {
        await DisposeAsync();
        var all = _outcomes.ToList();
        log(string.Join(", ", all.GroupBy(o => (o.Phase, o.Status)).Select(g => $"{g.Key.Phase} {(int)g.Key.Status}: {g.Count()}")));
        Assert.All(all, o => Assert.True(o.Status is HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable, $"{o.Status}: {o.Body}"));
        Assert.Contains(all, o => o.Phase == Phase.Broken && o.Status == HttpStatusCode.ServiceUnavailable);
        Assert.All(all.Where(o => o.Phase == Phase.Recovered), o => Assert.Equal(HttpStatusCode.Created, o.Status));
        Assert.All(all.Where(o => o.Status == HttpStatusCode.ServiceUnavailable), o =>
        {
            Assert.Equal("application/problem+json", o.ContentType);
            var problem = JsonSerializer.Deserialize<ProblemRow>(o.Body, JsonSerializerOptions.Web)!;
            Assert.Equal(503, problem.Status);
            Assert.Equal("服务暂时不可用", problem.Title);
            Assert.Contains(detailFragment, problem.Detail);
            Assert.Contains("未被保存", problem.Detail);
        });
        return all.Where(o => o.Status == HttpStatusCode.Created).Select(o => o.SourceKey).ToHashSet();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }
        await Task.WhenAll(_writers);
        _stop.Dispose();
    }
}
