using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Jishi.Bench;

// Casts BALLOTS ballots (9 subjects each, four voter groups) through POST /api/ballots/{token} from CLIENTS concurrent
// clients on loopback against a Release server on a fresh SQLite database, then closes the campaign and times
// GET /api/reviews/{id}/results. Prints throughput, p50/p95/p99 latency and the server's peak memory.
var serverDll = args.Length > 0 ? args[0] : "src/Jishi.Web/bin/Release/net10.0/Jishi.Web.dll";
var total = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
var clients = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50;
var warmUp = Math.Min(1000, total / 10);
string[] grades = ["好", "较好", "一般", "差"];

await using var server = await BenchServer.StartAsync(serverDll);
var admin = server.Admin;
var units = (await admin.GetFromJsonAsync<List<UnitRow>>("/api/units"))!;
var created = await (await admin.PostAsJsonAsync("/api/reviews", new
{
    title = "基准测试评议", year = 2016, meetingDate = "2016-02-13",
    subjects = units.Where(u => u.Kind == "Community").Take(9).Select(u => new { unitId = u.Id }),
    voterGroups = new[] { ("街道党工委成员", 0.3), ("新当选社区两委成员", 0.3), ("各站所负责人", 0.2), ("社区干部", 0.2) }
        .Select(g => new { name = g.Item1, weight = g.Item2, headCount = total / 4 }),
    ballotWeight = 0.4,
})).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<Review>();
(await admin.PostAsync($"/api/reviews/{created!.Id}/open", null)).EnsureSuccessStatusCode();

var watch = Stopwatch.StartNew();
var tokens = new ConcurrentQueue<string>();
for (var issued = 0; issued < total; issued += 1000)
{
    var group = created.VoterGroups[issued / 1000 % created.VoterGroups.Count];
    var answer = await (await admin.PostAsJsonAsync($"/api/reviews/{created.Id}/tokens", new { voterGroupId = group.Id, count = Math.Min(1000, total - issued) }))
        .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<TokenList>();
    foreach (var t in answer!.Tokens)
    {
        tokens.Enqueue(t);
    }
}
Console.WriteLine($"issued {total} tokens in {watch.Elapsed.TotalSeconds:F1} s; server VmHWM {server.Memory().Peak} MB");

var latencies = new ConcurrentBag<double>();
var failures = 0;
var cast = 0;
var cpuBefore = server.CpuSeconds();
Stopwatch? measured = null;
using var voter = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = server.Address };
watch.Restart();
await Task.WhenAll(Enumerable.Range(0, clients).Select(async worker =>
{
    var random = new Random(worker);
    while (tokens.TryDequeue(out var token))
    {
        var ballot = new { ratings = created.Subjects.Select(s => new { subjectId = s.Id, grade = grades[random.Next(4)] }) };
        var started = Stopwatch.GetTimestamp();
        using var response = await voter.PostAsJsonAsync($"/api/ballots/{token}", ballot);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.Created)
        {
            Interlocked.Increment(ref failures);
        }
        if (Interlocked.Increment(ref cast) == warmUp)
        {
            Interlocked.Exchange(ref measured, Stopwatch.StartNew());
        }
        else if (cast > warmUp)
        {
            latencies.Add(elapsed);
        }
    }
}));
var seconds = measured!.Elapsed.TotalSeconds;
var sorted = latencies.Order().ToArray();
double P(double q) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(q * sorted.Length) - 1)];
Console.WriteLine($"ballots: {total} cast by {clients} clients ({warmUp} warm-up), {failures} not accepted; "
    + $"{sorted.Length / seconds:F0} ballots/s; latency p50 {P(0.50):F1} ms, p95 {P(0.95):F1} ms, p99 {P(0.99):F1} ms; "
    + $"server CPU {server.CpuSeconds() - cpuBefore:F1} s over {watch.Elapsed.TotalSeconds:F1} s; load average {BenchServer.LoadAverage()}");

(await admin.PostAsync($"/api/reviews/{created.Id}/close", null)).EnsureSuccessStatusCode();
var timings = new List<double>();
for (var i = 0; i < 5; i++)
{
    var started = Stopwatch.GetTimestamp();
    (await admin.GetAsync($"/api/reviews/{created.Id}/results")).EnsureSuccessStatusCode();
    timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
}
var turnout = await admin.GetFromJsonAsync<Turnout>($"/api/reviews/{created.Id}/turnout");
Console.WriteLine($"results of {turnout!.Cast} ballots: first {timings[0]:F0} ms, median of the next four {timings.Skip(1).Order().ElementAt(2):F0} ms; "
    + $"server VmHWM {server.Memory().Peak} MB");
return failures == 0 && turnout.Cast == total ? 0 : 1;

internal sealed record Subject(int Id);
internal sealed record Group(int Id);
internal sealed record Review(int Id, List<Subject> Subjects, List<Group> VoterGroups);
internal sealed record TokenList(List<string> Tokens);
internal sealed record Turnout(int Issued, int Cast);
