using Jishi.Web.Features.Accounts;
using Jishi.Web.Shared.Excel;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Shops;

public static class ShopEndpoints
{
    public static IServiceCollection AddShops(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<ShopOptions>(config.GetSection(ShopOptions.Section));
        return services.AddSingleton<RedemptionWriter>().AddHostedService(sp => sp.GetRequiredService<RedemptionWriter>())
            .AddScoped<ShopQueries>().AddScoped<SaveShop>().AddScoped<SaveGoods>().AddScoped<MoveStock>()
            .AddScoped<Redeem>().AddScoped<ShopReport>().AddScoped<ShopsDemo>();
    }

    public static IEndpointRouteBuilder MapShops(this IEndpointRouteBuilder app)
    {
        // The counter and the shelves are run by the community's (or branch's) secretary and above, within their subtree.
        var shops = app.MapGroup("/api/shops").WithTags("Shops").RequireAuthorization(Policies.OrgManager);
        shops.MapGet("", async (ShopQueries q, CancellationToken ct) =>
                TypedResults.Ok((await q.ShopsAsync(ct)).Select(s => new ShopDto(s.Id, s.Name, s.UnitId)).ToList()));
        shops.MapPost("", async (SaveShop.ShopInput input, SaveShop handler, CancellationToken ct) =>
                (await handler.CreateShopAsync(input, ct)).ToHttp(s => TypedResults.Created($"/api/shops/{s.Id}", s)));
        shops.MapPut("/{shopId:int}", async (int shopId, SaveShop.ShopInput input, SaveShop handler, CancellationToken ct) =>
                (await handler.UpdateShopAsync(shopId, input, ct)).ToHttp(TypedResults.Ok));

        shops.MapGet("/{shopId:int}/goods", async (int shopId, ShopQueries q, CancellationToken ct) =>
                await q.GoodsAsync(shopId, includeInactive: false, ct) is { } goods
                    ? (IResult)TypedResults.Ok(goods.Select(g => new GoodsDto(g.Id, g.Name, g.PricePoints, g.Stock)).ToList())
                    : Error.NotFound("Entity.Shop").ToProblem());
        shops.MapPost("/{shopId:int}/goods", async (int shopId, SaveGoods.GoodsInput input, SaveGoods handler, CancellationToken ct) =>
                (await handler.CreateGoodsAsync(shopId, input, ct)).ToHttp(g => TypedResults.Created($"/api/shops/{shopId}/goods/{g.Id}", g)));
        shops.MapPut("/{shopId:int}/goods/{goodsId:int}", async (int shopId, int goodsId, SaveGoods.GoodsInput input, SaveGoods handler, CancellationToken ct) =>
                (await handler.UpdateGoodsAsync(shopId, goodsId, input, ct)).ToHttp(TypedResults.Ok));
        shops.MapPost("/{shopId:int}/goods/{goodsId:int}/stock", async (int shopId, int goodsId, MoveStock.StockInput input, MoveStock handler, CancellationToken ct) =>
                (await handler.MoveStockAsync(shopId, goodsId, input, ct)).ToHttp(m => TypedResults.Created($"/api/shops/{shopId}/movements", m)));
        shops.MapGet("/{shopId:int}/movements", async (int shopId, [AsParameters] ShopQueries.MovementsRequest request, ShopQueries q, CancellationToken ct) =>
                (await q.MovementsAsync(shopId, request, ct)).ToHttp(TypedResults.Ok));

        // API.md: 201 with the redemption, also when the request id had redeemed before (then nothing is taken again).
        shops.MapPost("/{shopId:int}/redemptions", async (int shopId, Redeem.RedeemRequest request, Redeem redeem,
                    CancellationToken ct) =>
                (await redeem.RedeemAsync(shopId, request, ct)).ToHttp(o => TypedResults.Created($"/api/shops/{shopId}/redemptions/{o.Redemption.Id}", o.Redemption))).ProducesProblem(409);
        shops.MapGet("/{shopId:int}/redemptions/{redemptionId:long}", async (int shopId, long redemptionId, Redeem redeem,
                    CancellationToken ct) =>
                (await redeem.GetAsync(shopId, redemptionId, ct)).ToHttp(TypedResults.Ok));
        shops.MapPost("/{shopId:int}/redemptions/{redemptionId:long}/cancel", async (int shopId, long redemptionId, Redeem redeem, CancellationToken ct) =>
                (await redeem.CancelAsync(shopId, redemptionId, ct)).ToHttp(TypedResults.Ok)).ProducesProblem(409);
        shops.MapPost("/{shopId:int}/vouchers/{code}/verify", async (int shopId, string code, Redeem redeem,
                    CancellationToken ct) =>
                (await redeem.VerifyAsync(shopId, code, ct)).ToHttp(TypedResults.Ok)).ProducesProblem(409);

        shops.MapGet("/{shopId:int}/report", async (int shopId, int year, int month, ShopReport report,
                    CancellationToken ct) =>
                (await report.MonthAsync(shopId, year, month, ct)).ToHttp(TypedResults.Ok));
        shops.MapGet("/{shopId:int}/report.xlsx", async (int shopId, int year, int month, ShopReport report,
                    CancellationToken ct) =>
                (await report.WorkbookAsync(shopId, year, month, ct)).ToHttp(f => TypedResults.File(f.Content, ExcelFile.ContentType, f.FileName)));
        return app;
    }
}

/// <summary>Display settings of the shops (section "Points"): what one point is worth in yuan on the goods list.</summary>
public sealed class ShopOptions
{
    public const string Section = "Points";

    public decimal YuanPerPoint { get; set; } = 1m;
}
