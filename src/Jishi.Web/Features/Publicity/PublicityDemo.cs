using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Points;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Publicity;

/// <summary>The demo's 2016 宣传报道: a dozen items spread unevenly over the communities and outlet levels, so that the
/// ranking has a clear leader and some communities with none (宣传报道少, as the committee said).</summary>
public static class PublicityDemo
{
    private static readonly (int Community, string Title, string Outlet, OutletLevel Level, int Month, int Day)[] Items =
    [
        (0, "七里墩社区“红色物业”让老旧小区焕新颜", "人民网", OutletLevel.National, 9, 12),
        (0, "社区党员志愿者助力垃圾分类", "省委组工信息", OutletLevel.Province, 6, 3),
        (0, "党员积分管理激发党员活力", "市党建网", OutletLevel.City, 4, 18),
        (0, "微心愿点亮困难群众新年愿望", "区融媒体中心", OutletLevel.District, 1, 20),
        (1, "在职党员进社区“双报到”见实效", "市日报", OutletLevel.City, 7, 8),
        (1, "社区党课进楼院", "区融媒体中心", OutletLevel.District, 5, 10),
        (1, "“两学一做”学习教育走深走实", "区融媒体中心", OutletLevel.District, 10, 15),
        (2, "社区党群服务中心开放时间延长到晚八点", "省电视台", OutletLevel.Province, 8, 22),
        (3, "党员带头调解邻里纠纷", "区融媒体中心", OutletLevel.District, 3, 9),
        (3, "社区开展主题党日活动", "区党建网", OutletLevel.District, 11, 2),
        (4, "退休党员义务巡逻守护平安", "市晚报", OutletLevel.City, 12, 1),
        (5, "社区党组织书记述职评议会召开", "区融媒体中心", OutletLevel.District, 12, 26),
    ];

    public static async Task LoadAsync(JishiDbContext db, DemoCalendar demo, CancellationToken ct)
    {
        var communities = await db.Units.Where(u => u.Kind == UnitKind.Community).OrderBy(u => u.SortOrder).ThenBy(u => u.Id)
            .Select(u => u.Id).ToListAsync(ct);
        db.PublicityItems.AddRange(Items.Select((i, n) => new PublicityItem(communities[i.Community], i.Title, i.Outlet, i.Level,
            demo.Date(2016, i.Month, i.Day), $"https://news.example.cn/{demo.Year(2016)}/{n + 1:000}.html", [], $"sq{i.Community + 1:00}",
            demo.At(2016, i.Month, i.Day, 3))));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
