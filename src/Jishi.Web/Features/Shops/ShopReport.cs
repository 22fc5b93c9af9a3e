using System.Data;
using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Shops;

/// <summary>The monthly shop report: goods handed out and points taken by the month's redemptions (cancelled ones do not
/// count), stock left at the month's end, and the members who redeemed most.</summary>
public sealed class ShopReport(JishiDbContext db, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public const int TopCount = 10;

    public sealed record GoodsLine(int GoodsId, string Name, int Out, decimal Points, int StockLeft);

    public sealed record Redeemer(int MemberId, string Name, int Redemptions, decimal Points);

    public sealed record Month(int ShopId, string ShopName, int Year, int MonthNumber, int Redemptions, decimal Points,
        IReadOnlyList<GoodsLine> Goods, IReadOnlyList<Redeemer> TopRedeemers);

    public async Task<Result<Month>> MonthAsync(int shopId, int year, int month, CancellationToken ct)
    {
        if (year is < 2000 or > 2100 || month is < 1 or > 12)
        {
            return new ValidationError([new("month", "Shops.MonthInvalid")]);
        }
        if (await db.FindVisibleShopAsync(user, shopId, ct) is not { } shop)
        {
            return Error.NotFound("Entity.Shop");
        }
        // A month of the street's calendar, stored instants being UTC.
        var from = TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, 1), clock.LocalTimeZone);
        var to = TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, 1).AddMonths(1), clock.LocalTimeZone);
        var live = db.Redemptions.AsNoTracking()
            .Where(r => r.ShopId == shopId && r.Status != RedemptionStatus.Cancelled && r.CreatedAt >= from && r.CreatedAt < to);
        var lines = await live.SelectMany(r => r.Lines).Select(l => new { l.GoodsId, l.Quantity, l.PricePoints }).ToListAsync(ct);
        var left = await db.StockMovements.AsNoTracking().Where(m => m.At < to && db.Goods.Any(g => g.Id == m.GoodsId && g.ShopId == shopId))
            .GroupBy(m => m.GoodsId).Select(g => new { g.Key, Stock = g.Sum(m => m.Quantity) }).ToDictionaryAsync(g => g.Key, g => g.Stock, ct);
        var goods = (await db.Goods.AsNoTracking().Where(g => g.ShopId == shopId).OrderBy(g => g.Id).Select(g => new { g.Id, g.Name }).ToListAsync(ct))
            .Select(g => new GoodsLine(g.Id, g.Name, lines.Where(l => l.GoodsId == g.Id).Sum(l => l.Quantity),
                lines.Where(l => l.GoodsId == g.Id).Sum(l => l.PricePoints * l.Quantity), left.GetValueOrDefault(g.Id)))
            .ToList();
        var spent = await live.Select(r => new { r.MemberId, r.PointsSpent }).ToListAsync(ct);
        var top = spent.GroupBy(r => r.MemberId).Select(g => new { MemberId = g.Key, Count = g.Count(), Points = g.Sum(r => r.PointsSpent) })
            .OrderByDescending(g => g.Points).ThenBy(g => g.MemberId).Take(TopCount).ToList();
        var ids = top.Select(t => t.MemberId).ToList();
        var names = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        return new Month(shop.Id, shop.Name, year, month, spent.Count, spent.Sum(r => r.PointsSpent), goods,
            top.Select(t => new Redeemer(t.MemberId, names[t.MemberId], t.Count, t.Points)).ToList());
    }

    public async Task<Result<ExcelFile>> WorkbookAsync(int shopId, int year, int month, CancellationToken ct)
    {
        var result = await MonthAsync(shopId, year, month, ct);
        if (result.Error is { } error)
        {
            return error;
        }
        var report = result.Value!;
        var goods = Table(("Shops.Goods", typeof(string)), ("Shops.Out", typeof(int)), ("Shops.PointsTaken", typeof(decimal)), ("Shops.StockLeft", typeof(int)));
        foreach (var g in report.Goods)
        {
            goods.Rows.Add(g.Name, g.Out, g.Points, g.StockLeft);
        }
        goods.Rows.Add(text["Shops.Total"].Value, report.Goods.Sum(g => g.Out), report.Points, report.Goods.Sum(g => g.StockLeft));
        var top = Table(("Shops.Rank", typeof(int)), ("Shops.Member", typeof(string)), ("Shops.RedemptionCount", typeof(int)), ("Shops.PointsTaken", typeof(decimal)));
        var rank = 0;
        foreach (var r in report.TopRedeemers)
        {
            top.Rows.Add(++rank, r.Name, r.Redemptions, r.Points);
        }
        var content = XlsxWriter.Write(XlsxSheet.Of(text["Shops.SheetGoods"].Value, goods), XlsxSheet.Of(text["Shops.SheetTop"].Value, top));
        return new ExcelFile(text["Shops.ReportFileName", report.ShopName, report.Year, report.MonthNumber].Value, content);
    }

    private DataTable Table(params (string Key, Type Type)[] columns)
    {
        var table = new DataTable();
        table.Columns.AddRange(columns.Select(c => new DataColumn(text[c.Key].Value, c.Type)).ToArray());
        return table;
    }
}
