using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Jishi.Bench;

// Redeems REDEMPTIONS times one point's goods through POST /api/shops/{shopId}/redemptions from CLIENTS concurrent clients
// on loopback against a Release server on a fresh SQLite demo database: the demo's active 在职 members (up to 500; the
// demo has 289) are first given 60 points each this year, so every redemption is covered. Afterwards the goods' stock and
// every member's spendable balance must equal what the accepted redemptions say. Prints throughput, p50/p95/p99 latency
// and the server's peak memory.
var serverDll = args.Length > 0 ? args[0] : "src/Jishi.Web/bin/Release/net10.0/Jishi.Web.dll";
var total = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15_000;
var clients = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50;
const int Members = 500;
const int PointsEach = 60;
const int Stock = 100_000;
var warmUp = Math.Min(1000, total / 10);

await using var server = await BenchServer.StartAsync(serverDll, new Dictionary<string, string> { ["Jishi__SeedDemo"] = "true" });
var admin = server.Admin;
var shop = (await admin.GetFromJsonAsync<List<ShopRow>>("/api/shops"))![0];
var goods = await (await admin.PostAsJsonAsync($"/api/shops/{shop.Id}/goods", new { name = "基准测试毛巾", pricePoints = 1 }))
    .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<GoodsRow>();
(await admin.PostAsJsonAsync($"/api/shops/{shop.Id}/goods/{goods!.Id}/stock", new { kind = "Received", quantity = Stock, reason = "基准测试入库" }))
    .EnsureSuccessStatusCode();
var members = (await admin.GetFromJsonAsync<MemberPage>($"/api/members?pageSize=500&status=Active&tier={Uri.EscapeDataString("在职")}"))!.Items
    .Select(m => m.Id).Take(Members).ToList();
if (total > members.Count * PointsEach)
{
    throw new ArgumentException($"At most {members.Count * PointsEach} redemptions are covered by the points given ({members.Count} members).");
}
var today = DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
await Parallel.ForEachAsync(members, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (member, ct) =>
    (await admin.PostAsJsonAsync("/api/points/entries", new { memberId = member, ruleCode = "theme-day", quantity = PointsEach / 5, occurredOn = today }, ct))
        .EnsureSuccessStatusCode());
Console.WriteLine($"gave {members.Count} members {PointsEach} points each; server VmHWM {server.Memory().Peak} MB");

var latencies = new ConcurrentBag<double>();
var accepted = new ConcurrentDictionary<int, int>();
var failures = 0;
var sent = 0;
var cpuBefore = server.CpuSeconds();
Stopwatch? measured = null;
using var counter = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = server.Address };
counter.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
var watch = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, clients).Select(async worker =>
{
    int i;
    while ((i = Interlocked.Increment(ref sent)) <= total)
    {
        var member = members[i % members.Count];
        var started = Stopwatch.GetTimestamp();
        using var response = await counter.PostAsJsonAsync($"/api/shops/{shop.Id}/redemptions",
            new { memberId = member, requestId = $"bench-{i}", items = new[] { new { goodsId = goods.Id, quantity = 1 } } });
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode == HttpStatusCode.Created)
        {
            accepted.AddOrUpdate(member, 1, (_, n) => n + 1);
        }
        else
        {
            Interlocked.Increment(ref failures);
        }
        if (i == warmUp)
        {
            Interlocked.Exchange(ref measured, Stopwatch.StartNew());
        }
        else if (i > warmUp)
        {
            latencies.Add(elapsed);
        }
    }
}));
var seconds = measured!.Elapsed.TotalSeconds;
var sorted = latencies.Order().ToArray();
double P(double q) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(q * sorted.Length) - 1)];
Console.WriteLine($"redemptions: {total} by {clients} clients ({warmUp} warm-up), {failures} not accepted; "
    + $"{sorted.Length / seconds:F0} redemptions/s; latency p50 {P(0.50):F1} ms, p95 {P(0.95):F1} ms, p99 {P(0.99):F1} ms; "
    + $"server CPU {server.CpuSeconds() - cpuBefore:F1} s over {watch.Elapsed.TotalSeconds:F1} s; load average {BenchServer.LoadAverage()}");

// Afterwards: the stock and every balance must say exactly what the accepted redemptions say.
var stock = (await admin.GetFromJsonAsync<List<GoodsRow>>($"/api/shops/{shop.Id}/goods"))!.Single(g => g.Id == goods.Id).Stock;
var wrong = 0;
foreach (var member in members)
{
    var points = await admin.GetFromJsonAsync<MemberPoints>($"/api/members/{member}/points?year={DateTime.Now.Year}");
    if (points!.SpendableBalance != PointsEach - accepted.GetValueOrDefault(member))
    {
        wrong++;
    }
}
var ok = stock == Stock - accepted.Values.Sum() && wrong == 0 && failures == 0;
Console.WriteLine($"check: stock {stock} = {Stock} − {accepted.Values.Sum()} accepted: {stock == Stock - accepted.Values.Sum()}; "
    + $"balances differing from the accepted redemptions: {wrong} of {members.Count}; server VmHWM {server.Memory().Peak} MB");
return ok ? 0 : 1;

internal sealed record ShopRow(int Id, string Name, int UnitId);
internal sealed record GoodsRow(int Id, string Name, decimal PricePoints, int Stock);
internal sealed record MemberRow(int Id);
internal sealed record MemberPage(List<MemberRow> Items, int Total);
internal sealed record MemberPoints(int MemberId, decimal SpendableBalance);
