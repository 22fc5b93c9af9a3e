using Jishi.Web.Data;
using Jishi.Web.Features.Audit;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Shops;

/// <summary>One 爱心超市 per demo community, stocked in November 2016, with December's redemptions paid from the members'
/// 2016 points: through <see cref="SaveShop"/>, <see cref="SaveGoods"/>, <see cref="MoveStock"/> and <see cref="Redeem"/>,
/// the same paths as the API, on a clock set to those days. Runs inside the demo's one transaction after the points demo,
/// so the writes that take a transaction or a group commit of their own are stored by their store methods in this one.</summary>
public sealed class ShopsDemo(JishiDbContext db, CurrentUser user, AuditActor audit, MemberWriteLock writeLock, RedemptionWriter writer,
    DemoCalendar demo)
{
    private static readonly (string Name, decimal Price, int Stock)[] Shelf =
    [
        ("大米（5公斤）", 30, 40), ("食用油（1.8升）", 25, 30), ("洗衣液（2公斤）", 15, 50), ("毛巾", 5, 80), ("抽纸（10包）", 8, 60),
    ];

    private sealed class DemoClock(DateTimeOffset at) : TimeProvider
    {
        public DateTimeOffset At { get; set; } = at;

        public override DateTimeOffset GetUtcNow() => At;
    }

    public async Task LoadAsync(CancellationToken ct)
    {
        var communities = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Community).OrderBy(u => u.SortOrder).ThenBy(u => u.Id)
            .Select(u => new { u.Id, u.Name, u.Path }).ToListAsync(ct);
        var stocked = new DateTimeOffset(demo.At(2016, 11, 28, 2));
        var clock = new DemoClock(stocked);
        var saveShop = new SaveShop(db, user);
        var saveGoods = new SaveGoods(db, user);
        var moveStock = new MoveStock(db, user, clock);
        var redeem = new Redeem(db, user, clock, writeLock, writer);
        var year = demo.Year(2016);
        for (var i = 0; i < communities.Count; i++)
        {
            var community = communities[i];
            using var secretary = user.ActAs($"sq{i + 1:00}", community.Id);
            clock.At = stocked;
            var name = community.Name.Replace("党委", "", StringComparison.Ordinal).Replace("党总支", "", StringComparison.Ordinal);
            var shop = Must(await saveShop.CreateShopAsync(new SaveShop.ShopInput(community.Id, $"{name}爱心超市", $"{name}党群服务中心一楼",
                "周一至周五 9:00–11:30、14:30–17:30"), ct));
            var goods = new List<int>();
            foreach (var (goodsName, price, stock) in Shelf)
            {
                var created = Must(await saveGoods.CreateGoodsAsync(shop.Id, new SaveGoods.GoodsInput(goodsName, price), ct));
                Must(await moveStock.StoreMovementAsync(shop.Id, created.Id, new MoveStock.StockInput(MovementKind.Received, stock, "爱心企业捐赠"), ct));
                goods.Add(created.Id);
            }
            // December: the five members with most points each redeem once; the first picks up, the last cancels.
            var members = await db.MemberPoints.AsNoTracking().Where(p => p.Year == year && db.Members.Within(community.Path).Any(m => m.Id == p.MemberId))
                .OrderByDescending(p => p.AssessmentScore).ThenBy(p => p.MemberId).Select(p => p.MemberId).Take(5).ToListAsync(ct);
            for (var k = 0; k < members.Count; k++)
            {
                clock.At = new DateTimeOffset(demo.At(2016, 12, 5 + 3 * k, 2, 30));
                var items = new List<Redeem.ItemRequest> { new(goods[k % goods.Count], 1), new(goods[3], 1 + k % 2) };
                var basket = Must(await redeem.BasketAsync(shop.Id, new Redeem.RedeemRequest(members[k], $"demo-{shop.Id}-{k}", items), ct));
                var made = Must((await RedemptionWriter.StoreAsync(db, audit, [basket.Pending!], ct))[0]);
                if (k == 0)
                {
                    Must(await redeem.VerifyAsync(shop.Id, made.Redemption.VoucherCode, ct));
                }
                else if (k == members.Count - 1)
                {
                    Must(await redeem.StoreCancellationAsync(made.Redemption.Id, ct));
                }
            }
        }
    }

    private static T Must<T>(Result<T> result) =>
        result.Error is { } error ? throw new InvalidOperationException($"The demo shop was refused: {error.Code}") : result.Value!;
}
