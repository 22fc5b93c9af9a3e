using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.IntegrationTests.Points;
using Jishi.Web.Features.Points;
using Microsoft.EntityFrameworkCore;
using Jishi.Testing;

namespace Jishi.IntegrationTests.Shops;

public sealed record ShopRow(int Id, string Name, int UnitId);

public sealed record GoodsRow(int Id, string Name, decimal PricePoints, int Stock);

public sealed record RedemptionCreatedRow(long Id, string VoucherCode, decimal PointsSpent);

public sealed record RedemptionRow(long Id, int MemberId, int Year, string VoucherCode, decimal PointsSpent, string Status);

/// <summary>Helpers of the shop tests: a member with a known spendable balance this year, and goods with a known stock.</summary>
public static class ShopsApi
{
    private static int _taken;

    public static async Task<int> ShopOfAsync(this HttpClient client) =>
        (await client.GetFromJsonAsync<List<ShopRow>>("/api/shops"))![0].Id;

    public static async Task<GoodsRow> NewGoodsAsync(this HttpClient client, int shopId, decimal price, int stock)
    {
        var created = await client.PostAsJsonAsync($"/api/shops/{shopId}/goods", new { name = "测试商品" + Guid.NewGuid().ToString("N")[..6], pricePoints = price });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var goods = (await created.Content.ReadFromJsonAsync<GoodsRow>())!;
        var moved = await client.PostAsJsonAsync($"/api/shops/{shopId}/goods/{goods.Id}/stock", new { kind = "Received", quantity = stock, reason = "测试入库" });
        Assert.Equal(HttpStatusCode.Created, moved.StatusCode);
        return goods with { Stock = stock };
    }

    /// <summary>A 在职 member of <paramref name="secretary"/>'s community with no points this year, given exactly
    /// <paramref name="points"/> (theme days at 5 points each, under the yearly cap of 60).</summary>
    public static async Task<int> MemberWithPointsAsync(this JishiFactory factory, HttpClient client, string secretary, decimal points)
    {
        var year = factory.Clock.ServerToday().Year;
        var members = await factory.MembersAsync(secretary);
        var used = await factory.WithDbAsync(db => db.MemberPoints.Where(p => p.Year == year).Select(p => p.MemberId).ToListAsync());
        var free = members.Except(used).ToList();
        var member = free[Interlocked.Increment(ref _taken) % free.Count];
        var posted = await client.PostEntryAsync(member, RuleCodes.ThemeDay, points / 5m, factory.Clock.ServerTodayText());
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        return member;
    }

    public static Task<HttpResponseMessage> RedeemAsync(this HttpClient client, int shopId, int memberId, string requestId, params (int GoodsId, int Quantity)[] items) =>
        client.PostAsJsonAsync($"/api/shops/{shopId}/redemptions",
            new { memberId, requestId, items = items.Select(i => new { goodsId = i.GoodsId, quantity = i.Quantity }) });
}
