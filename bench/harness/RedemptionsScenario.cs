using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Jishi.Web.Features.Points;

namespace Jishi.Bench;

/// <summary>爱心超市 on the demo: a goods item of 1 point with 100,000 in stock (one receipt's maximum) in the first shop, every active 在职 member given
/// 180 points this year (three meeting rules at their yearly caps) through the points API, then one-item redemptions
/// through <c>POST /api/shops/{shopId}/redemptions</c>, members in turn, a new request id each. Afterwards the stock and
/// every member's spendable balance must say exactly what the accepted redemptions say.</summary>
public sealed class RedemptionsScenario : Scenario
{
    private const int Stock = 100_000;
    private static readonly string[] Rules = [RuleCodes.ThemeDay, RuleCodes.GroupMeeting, RuleCodes.CommitteeMeeting];
    private const int PointsPerRule = 60;
    private readonly ConcurrentDictionary<int, int> _accepted = new();
    private HttpClient _http = null!;
    private AuthenticationHeaderValue _auth = null!;
    private List<int> _members = null!;
    private int _shop;
    private int _goods;
    private int _sent;

    public override bool Writes => true;
    public override string Unit => "redemptions";

    private static int Points => Rules.Length * PointsPerRule;

    public override async Task PrepareAsync(Run run)
    {
        _http = run.Http;
        _auth = run.Server.Admin.DefaultRequestHeaders.Authorization!;
        var admin = run.Server.Admin;
        _shop = (await admin.GetFromJsonAsync<List<ShopRow>>("/api/shops"))![0].Id;
        _goods = (await (await admin.PostAsJsonAsync($"/api/shops/{_shop}/goods", new { name = "基准测试毛巾", pricePoints = 1 }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<GoodsRow>())!.Id;
        (await admin.PostAsJsonAsync($"/api/shops/{_shop}/goods/{_goods}/stock", new { kind = "Received", quantity = Stock, reason = "基准测试入库" }))
            .EnsureSuccessStatusCode();
        _members = (await admin.GetFromJsonAsync<MemberPage>($"/api/members?pageSize=500&status=Active&tier={Uri.EscapeDataString("在职")}"))!.Items
            .Select(m => m.Id).ToList();
        var today = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Parallel.ForEachAsync(_members.SelectMany(m => Rules.Select(r => (Member: m, Rule: r))), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (x, ct) =>
            (await admin.PostAsJsonAsync("/api/points/entries", new { memberId = x.Member, ruleCode = x.Rule, quantity = PointsPerRule / 5, occurredOn = today }, ct))
                .EnsureSuccessStatusCode());
        Console.WriteLine($"gave {_members.Count} members {Points} points each: {_members.Count * Points:N0} redemptions covered");
    }

    private static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);

    public override async Task<bool?> RequestAsync(Random random)
    {
        var i = Interlocked.Increment(ref _sent);
        if (i > _members.Count * Points)
        {
            return null;
        }
        var member = _members[i % _members.Count];
        var ok = await LoadGenerator.SendAsync(_http, new HttpRequestMessage(HttpMethod.Post, $"/api/shops/{_shop}/redemptions")
        {
            Content = JsonContent.Create(new { memberId = member, requestId = $"bench-{i}", items = new[] { new { goodsId = _goods, quantity = 1 } } }),
            Headers = { Authorization = _auth },
        });
        if (ok)
        {
            _accepted.AddOrUpdate(member, 1, (_, n) => n + 1);
        }
        return ok;
    }

    public override async Task CheckAsync(Run run)
    {
        var admin = run.Server.Admin;
        var accepted = _accepted.Values.Sum();
        var stock = (await admin.GetFromJsonAsync<List<GoodsRow>>($"/api/shops/{_shop}/goods"))!.Single(g => g.Id == _goods).Stock;
        run.Check(stock == Stock - accepted, $"stock {stock:N0} = {Stock:N0} − {accepted:N0} accepted");
        var wrong = 0;
        foreach (var member in _members)
        {
            var points = await admin.GetFromJsonAsync<MemberPoints>($"/api/members/{member}/points?year={Today.Year}");
            wrong += points!.SpendableBalance == Points - _accepted.GetValueOrDefault(member) ? 0 : 1;
        }
        run.Check(wrong == 0, $"{wrong} of {_members.Count} balances differ from the accepted redemptions");
    }

    private sealed record ShopRow(int Id);
    private sealed record GoodsRow(int Id, int Stock);
    private sealed record MemberRow(int Id);
    private sealed record MemberPage(List<MemberRow> Items, int Total);
    private sealed record MemberPoints(int MemberId, decimal SpendableBalance);
}
