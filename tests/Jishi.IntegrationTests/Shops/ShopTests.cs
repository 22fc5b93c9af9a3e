using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.IntegrationTests.Points;
using Jishi.Web.Features.Points;
using Jishi.Web.Features.Shops;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Jishi.Testing;

namespace Jishi.IntegrationTests.Shops;

/// <summary>Issue 5's shop requirements on whichever database the suite runs (SQLite, or PostgreSQL with JISHI_TEST_POSTGRES):
/// points and stock never below zero and never taken twice for one request id, under concurrency; a voucher verified once;
/// a cancellation that gives both back.</summary>
[Collection(ApiCollection.Name)]
public sealed class ShopTests(JishiFactory factory, ITestOutputHelper output)
{
    private int Year => factory.Clock.ServerToday().Year;

    private const string Secretary = "sq07";

    [Fact]
    public async Task Redeem_200ConcurrentWithPointsFor37_Exactly37SucceedNothingNegative()
    {
        var client = await factory.ClientForAsync(Secretary);
        var shop = await client.ShopOfAsync();
        var goods = await client.NewGoodsAsync(shop, price: 1, stock: 200);
        var member = await factory.MemberWithPointsAsync(client, Secretary, 37);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            client.RedeemAsync(shop, member, $"c37-{member}-{i}-{Guid.NewGuid()}", (goods.Id, 1))));
        output.WriteLine($"200 concurrent redemptions on {factory.Provider} in {clock.ElapsedMilliseconds} ms");

        Assert.Equal(37, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(163, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var problem = await responses.First(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Contains("可兑换积分不足", problem!.Detail);
        var (balance, stock, redemptions, movements) = await factory.WithDbAsync(async db => (
            await db.MemberPoints.AsNoTracking().SingleAsync(p => p.MemberId == member && p.Year == Year),
            await db.Goods.AsNoTracking().Where(g => g.Id == goods.Id).Select(g => g.Stock).SingleAsync(),
            await db.Redemptions.CountAsync(r => r.MemberId == member && r.Year == Year),
            await db.StockMovements.Where(m => m.GoodsId == goods.Id).SumAsync(m => m.Quantity)));
        Assert.Equal((37m, 37m, 0m), (balance.Earned, balance.Redeemed, balance.Spendable));
        Assert.Equal((163, 163, 37), (stock, movements, redemptions));
    }

    [Fact]
    public async Task Redeem_SameRequestId20TimesConcurrently_OneRedemptionAllAnswerIt()
    {
        var client = await factory.ClientForAsync(Secretary);
        var shop = await client.ShopOfAsync();
        var goods = await client.NewGoodsAsync(shop, price: 2, stock: 10);
        var member = await factory.MemberWithPointsAsync(client, Secretary, 30);
        var requestId = "same-" + Guid.NewGuid();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.RedeemAsync(shop, member, requestId, (goods.Id, 3))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var answers = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<RedemptionCreatedRow>()));
        Assert.Single(answers.Select(a => (a!.Id, a.VoucherCode, a.PointsSpent)).Distinct());
        Assert.Equal(6m, answers[0]!.PointsSpent);
        var (count, redeemed, stock) = await factory.WithDbAsync(async db => (
            await db.Redemptions.CountAsync(r => r.RequestId == requestId),
            await db.MemberPoints.Where(p => p.MemberId == member && p.Year == Year).Select(p => p.Redeemed).SingleAsync(),
            await db.Goods.Where(g => g.Id == goods.Id).Select(g => g.Stock).SingleAsync()));
        Assert.Equal((1, 6m, 7), (count, redeemed, stock));
    }

    [Fact]
    public async Task Redeem_StockShort_409InChineseAndNothingTaken()
    {
        var client = await factory.ClientForAsync(Secretary);
        var shop = await client.ShopOfAsync();
        var plenty = await client.NewGoodsAsync(shop, price: 1, stock: 50);
        var scarce = await client.NewGoodsAsync(shop, price: 1, stock: 2);
        var member = await factory.MemberWithPointsAsync(client, Secretary, 20);

        var response = await client.RedeemAsync(shop, member, "short-" + Guid.NewGuid(), (plenty.Id, 1), (scarce.Id, 3));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal($"“{scarce.Name}”库存不足（现有 2 件）", problem!.Detail);
        var goods = await client.GetFromJsonAsync<List<GoodsRow>>($"/api/shops/{shop}/goods");
        Assert.Equal(50, goods!.Single(g => g.Id == plenty.Id).Stock);
        Assert.Equal(2, goods!.Single(g => g.Id == scarce.Id).Stock);
        Assert.Equal(0m, await factory.WithDbAsync(db => db.MemberPoints.Where(p => p.MemberId == member && p.Year == Year).Select(p => p.Redeemed).SingleAsync()));
    }

    [Fact]
    public async Task Redeem_StockShortAmongConcurrentBaskets_RefusedBasketTakesNothingOthersTakeTheirs()
    {
        var client = await factory.ClientForAsync(Secretary);
        var shop = await client.ShopOfAsync();
        var plenty = await client.NewGoodsAsync(shop, price: 1, stock: 50);
        var scarce = await client.NewGoodsAsync(shop, price: 1, stock: 1);
        var member = await factory.MemberWithPointsAsync(client, Secretary, 20);

        // Sent together, so that the writer stores them in one batch: the refused basket's points and first line must
        // come back while the others in the same transaction keep theirs.
        var responses = await Task.WhenAll(Enumerable.Range(0, 11).Select(i => i == 5
            ? client.RedeemAsync(shop, member, $"mix-{Guid.NewGuid()}", (plenty.Id, 3), (scarce.Id, 2))
            : client.RedeemAsync(shop, member, $"mix-{Guid.NewGuid()}", (plenty.Id, 1))));

        Assert.Equal(HttpStatusCode.Conflict, responses[5].StatusCode);
        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        var (redeemed, plentyStock, scarceStock, movements) = await factory.WithDbAsync(async db => (
            await db.MemberPoints.Where(p => p.MemberId == member && p.Year == Year).Select(p => p.Redeemed).SingleAsync(),
            await db.Goods.Where(g => g.Id == plenty.Id).Select(g => g.Stock).SingleAsync(),
            await db.Goods.Where(g => g.Id == scarce.Id).Select(g => g.Stock).SingleAsync(),
            await db.StockMovements.CountAsync(m => m.GoodsId == plenty.Id && m.Kind == MovementKind.Redeemed)));
        Assert.Equal((10m, 40, 1, 10), (redeemed, plentyStock, scarceStock, movements));
        var (movedFor, redemptions) = await factory.WithDbAsync(async db => (
            await db.StockMovements.Where(m => m.GoodsId == plenty.Id && m.Kind == MovementKind.Redeemed).Select(m => m.RedemptionId).ToListAsync(),
            await db.Redemptions.Where(r => r.MemberId == member).Select(r => (long?)r.Id).ToListAsync()));
        Assert.Equal(redemptions.Order(), movedFor.Order());
    }

    [Fact]
    public async Task Redeem_SameRequestIdConcurrentlyBeyondPoints_AllRefusedNothingTaken()
    {
        var client = await factory.ClientForAsync(Secretary);
        var shop = await client.ShopOfAsync();
        var goods = await client.NewGoodsAsync(shop, price: 10, stock: 10);
        var member = await factory.MemberWithPointsAsync(client, Secretary, 15);
        var requestId = "refused-" + Guid.NewGuid();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.RedeemAsync(shop, member, requestId, (goods.Id, 2))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var (count, redeemed, stock) = await factory.WithDbAsync(async db => (
            await db.Redemptions.CountAsync(r => r.RequestId == requestId),
            await db.MemberPoints.Where(p => p.MemberId == member && p.Year == Year).Select(p => p.Redeemed).SingleAsync(),
            await db.Goods.Where(g => g.Id == goods.Id).Select(g => g.Stock).SingleAsync()));
        Assert.Equal((0, 0m, 10), (count, redeemed, stock));
    }

    [Fact]
    public async Task VerifyVoucher_Twice_SecondIs409AlreadyUsed()
    {
        var client = await factory.ClientForAsync(Secretary);
        var shop = await client.ShopOfAsync();
        var goods = await client.NewGoodsAsync(shop, price: 5, stock: 5);
        var member = await factory.MemberWithPointsAsync(client, Secretary, 10);
        var created = await (await client.RedeemAsync(shop, member, "v-" + Guid.NewGuid(), (goods.Id, 1))).Content.ReadFromJsonAsync<RedemptionCreatedRow>();
        Assert.Matches("^[3-9A-HJKMNP-Y]{8}$", created!.VoucherCode);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            client.PostAsync($"/api/shops/{shop}/vouchers/{created.VoucherCode.ToLowerInvariant()}/verify", null)));

        Assert.Single(attempts, r => r.StatusCode == HttpStatusCode.OK);
        var refused = attempts.Where(r => r.StatusCode == HttpStatusCode.Conflict).ToList();
        Assert.Equal(4, refused.Count);
        Assert.Contains("已核销", (await refused[0].Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        var cancel = await client.PostAsync($"/api/shops/{shop}/redemptions/{created.Id}/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
        var row = await client.GetFromJsonAsync<RedemptionRow>($"/api/shops/{shop}/redemptions/{created.Id}");
        Assert.Equal(("PickedUp", 5m), (row!.Status, row.PointsSpent));
    }

    [Fact]
    public async Task Cancel_BeforePickUp_ReturnsPointsAndStockByReturningRows()
    {
        var client = await factory.ClientForAsync(Secretary);
        var shop = await client.ShopOfAsync();
        var goods = await client.NewGoodsAsync(shop, price: 4, stock: 10);
        var member = await factory.MemberWithPointsAsync(client, Secretary, 20);
        var created = await (await client.RedeemAsync(shop, member, "x-" + Guid.NewGuid(), (goods.Id, 3))).Content.ReadFromJsonAsync<RedemptionCreatedRow>();
        Assert.Equal(12m, created!.PointsSpent);

        var cancel = await client.PostAsync($"/api/shops/{shop}/redemptions/{created.Id}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var (redeemed, stock, movements, status) = await factory.WithDbAsync(async db => (
            await db.MemberPoints.Where(p => p.MemberId == member && p.Year == Year).Select(p => p.Redeemed).SingleAsync(),
            await db.Goods.Where(g => g.Id == goods.Id).Select(g => g.Stock).SingleAsync(),
            await db.StockMovements.Where(m => m.GoodsId == goods.Id).OrderBy(m => m.Id).Select(m => new { m.Kind, m.Quantity }).ToListAsync(),
            await db.Redemptions.Where(r => r.Id == created.Id).Select(r => r.Status).SingleAsync()));
        Assert.Equal((0m, 10, RedemptionStatus.Cancelled), (redeemed, stock, status));
        Assert.Equal([(MovementKind.Received, 10), (MovementKind.Redeemed, -3), (MovementKind.Returned, 3)], movements.Select(m => (m.Kind, m.Quantity)));
        var verify = await client.PostAsync($"/api/shops/{shop}/vouchers/{created.VoucherCode}/verify", null);
        Assert.Equal(HttpStatusCode.Conflict, verify.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/shops/{shop}/redemptions/{created.Id}/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task AwardsAndRedemptions_ConcurrentForOneMember_BalanceEqualsLedgerAndRedemptions()
    {
        var client = await factory.ClientForAsync(Secretary);
        var shop = await client.ShopOfAsync();
        var goods = await client.NewGoodsAsync(shop, price: 0.5m, stock: 1000);
        var member = await factory.MemberWithPointsAsync(client, Secretary, 10);
        var today = factory.Clock.ServerTodayText();

        // 100 late arrivals (−0.5 each) race 100 redemptions of 0.5: whatever the order, no update may be lost.
        var work = Enumerable.Range(0, 200).Select(i => i % 2 == 0
            ? client.PostEntryAsync(member, RuleCodes.LateOrEarly, occurredOn: today)
            : client.RedeemAsync(shop, member, $"mix-{member}-{i}-{Guid.NewGuid()}", (goods.Id, 1)));
        var responses = await Task.WhenAll(work);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        var (balance, granted, spent) = await factory.WithDbAsync(async db => (
            await db.MemberPoints.AsNoTracking().SingleAsync(p => p.MemberId == member && p.Year == Year),
            (await db.LedgerEntries.Where(e => e.MemberId == member && e.Year == Year && e.Status == EntryStatus.Approved).Select(e => e.Granted).ToListAsync()).Sum(),
            (await db.Redemptions.Where(r => r.MemberId == member && r.Year == Year && r.Status != RedemptionStatus.Cancelled).Select(r => r.PointsSpent).ToListAsync()).Sum()));
        Assert.Equal(10m - 50m, granted);
        Assert.Equal((granted, spent), (balance.Earned, balance.Redeemed));
        Assert.Equal(responses.Count(r => r.StatusCode == HttpStatusCode.Created) - 100, (int)(spent / 0.5m));
        var report = await factory.WithDbAsync(db => new VerifyLedger(db).HandleAsync(CancellationToken.None));
        Assert.DoesNotContain(report.Differences, d => d.MemberId == member);
    }

    [Fact]
    public async Task VerifyLedger_RedeemedNotMatchingRedemptions_ListsTheDifference()
    {
        var client = await factory.ClientForAsync(Secretary);
        var shop = await client.ShopOfAsync();
        var goods = await client.NewGoodsAsync(shop, price: 2, stock: 5);
        var member = await factory.MemberWithPointsAsync(client, Secretary, 10);
        Assert.Equal(HttpStatusCode.Created, (await client.RedeemAsync(shop, member, "vl-" + Guid.NewGuid(), (goods.Id, 2))).StatusCode);
        var year = Year;

        // One point more than the redemptions say, written behind the application's back, then put back.
        await factory.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"MemberPoints\" SET \"Redeemed\" = \"Redeemed\" + 100 WHERE \"MemberId\" = {member} AND \"Year\" = {year}"));
        var corrupted = await factory.WithDbAsync(db => new VerifyLedger(db).HandleAsync(CancellationToken.None));
        await factory.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"MemberPoints\" SET \"Redeemed\" = \"Redeemed\" - 100 WHERE \"MemberId\" = {member} AND \"Year\" = {year}"));

        var difference = Assert.Single(corrupted.Differences, d => d.MemberId == member);
        Assert.Equal((5m, 4m), (difference.StoredRedeemed, difference.LiveRedeemed));
        var fixedReport = await factory.WithDbAsync(db => new VerifyLedger(db).HandleAsync(CancellationToken.None));
        Assert.DoesNotContain(fixedReport.Differences, d => d.MemberId == member);
    }

    [Fact]
    public async Task ShopEndpoints_AnswerApiMdFieldsExactly()
    {
        var client = await factory.ClientForAsync(Secretary);
        var shops = JsonDocument.Parse(await client.GetStringAsync("/api/shops")).RootElement;
        Assert.Equal(["id", "name", "unitId"], shops[0].EnumerateObject().Select(p => p.Name));
        var community = await factory.CommunityOfAsync(Secretary);
        Assert.All(shops.EnumerateArray(), s => Assert.Equal(community.Id, s.GetProperty("unitId").GetInt32()));
        var shop = shops[0].GetProperty("id").GetInt32();
        var goods = JsonDocument.Parse(await client.GetStringAsync($"/api/shops/{shop}/goods")).RootElement;
        Assert.Equal(["id", "name", "pricePoints", "stock"], goods[0].EnumerateObject().Select(p => p.Name));
        var member = await factory.MemberWithPointsAsync(client, Secretary, 10);
        var response = await client.RedeemAsync(shop, member, "f-" + Guid.NewGuid(), (goods[0].GetProperty("id").GetInt32(), 0));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var item = await client.NewGoodsAsync(shop, price: 3, stock: 1);
        var created = JsonDocument.Parse(await (await client.RedeemAsync(shop, member, "f-" + Guid.NewGuid(), (item.Id, 1))).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["id", "voucherCode", "pointsSpent"], created.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3m, created.GetProperty("pointsSpent").GetDecimal());
    }

    [Fact]
    public async Task StockAdjust_BelowZeroOrWithoutReason_Refused()
    {
        var client = await factory.ClientForAsync(Secretary);
        var shop = await client.ShopOfAsync();
        var goods = await client.NewGoodsAsync(shop, price: 1, stock: 4);

        var below = await client.PostAsJsonAsync($"/api/shops/{shop}/goods/{goods.Id}/stock", new { kind = "Adjusted", quantity = -5, reason = "盘点" });
        var noReason = await client.PostAsJsonAsync($"/api/shops/{shop}/goods/{goods.Id}/stock", new { kind = "Adjusted", quantity = -1 });
        var counted = await client.PostAsJsonAsync($"/api/shops/{shop}/goods/{goods.Id}/stock", new { kind = "Adjusted", quantity = -1, reason = "破损" });

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.BadRequest, HttpStatusCode.Created), (below.StatusCode, noReason.StatusCode, counted.StatusCode));
        Assert.Equal(3, await factory.WithDbAsync(db => db.Goods.Where(g => g.Id == goods.Id).Select(g => g.Stock).SingleAsync()));
    }

    [Fact]
    public async Task MonthReport_DemoDecember2016_CountsLiveRedemptionsAndExports()
    {
        var client = await factory.ClientForAsync("sq03");
        var shop = await client.ShopOfAsync();

        var report = await client.GetFromJsonAsync<ShopReport.Month>($"/api/shops/{shop}/report?year=2016&month=12");

        // Five demo redemptions, the last cancelled.
        Assert.Equal(4, report!.Redemptions);
        Assert.Equal(report.Goods.Sum(g => g.Points), report.Points);
        Assert.Equal(4, report.TopRedeemers.Count);
        var xlsx = await client.GetAsync($"/api/shops/{shop}/report.xlsx?year=2016&month=12");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.True((await xlsx.Content.ReadAsByteArrayAsync()).Length > 1000);
    }
}
