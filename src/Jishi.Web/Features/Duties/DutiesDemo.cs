using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Points;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Duties;

/// <summary>The demo's 2016 责任清单 (the street template copied to every community, statuses kept by some) and its seven
/// 重点任务 with mixed progress: done on time, done late, under way and not started, differing by community.</summary>
public static class DutiesDemo
{
    private static readonly (string Title, string Description, int Month, int Day)[] Tasks =
    [
        ("开展“两学一做”学习教育", "制定学习计划，党员全员参学，每月一次集中学习", 6, 30),
        ("规范“三会一课”和主题党日", "会议记录完整，党员参会率 90% 以上", 12, 20),
        ("社区党群服务阵地标准化建设", "统一标识、制度上墙、功能室齐全", 9, 30),
        ("软弱涣散党组织整顿提升", "对照问题清单逐项整改，年底前销号", 11, 30),
        ("党员积分管理全覆盖", "全部党员建立积分账户，按季度公示", 8, 31),
        ("在职党员进社区“双报到”", "在职党员报到率 100%，每人认领 1 项服务", 10, 31),
        ("党费收缴专项检查", "核对党费基数，按时足额收缴，建立台账", 5, 31),
    ];

    private static readonly string[] Owners = ["王建国", "李秀英", "张伟", "刘芳", "陈明", "杨丽", "赵强", "黄敏", "周军"];

    public static async Task LoadAsync(JishiDbContext db, DemoCalendar demo, CancellationToken ct)
    {
        var year = demo.Year(2016);
        var street = await db.Units.Where(u => u.Kind == UnitKind.Street).OrderBy(u => u.Id).FirstAsync(ct);
        var communities = await db.Units.Within(street.Path).Where(u => u.Kind == UnitKind.Community)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Id).Select(u => u.Id).ToListAsync(ct);
        var at = demo.At(2016, 12, 28, 2);

        var lists = communities.Select(id => new DutyList(id, year)).ToList();
        for (var c = 0; c < lists.Count; c++)
        {
            lists[c].AddMissing(DutyList.DefaultTemplate);
            // Each community reports a different share of its duties done, so the lists are not all alike.
            var done = DutyList.DefaultTemplate.Length - 1 - c % 4;
            lists[c].ReplaceItems(lists[c].Items.Select((item, i) => (item.Category, item.Content,
                i < done ? DutyStatus.Done : i == done ? DutyStatus.InProgress : DutyStatus.NotStarted,
                i < done ? "已按要求落实" : (string?)null)), $"sq{c + 1:00}", at);
        }
        db.DutyLists.AddRange(lists);

        var tasks = Tasks.Select((t, i) => new KeyTask(street.Id, year, t.Title, t.Description, demo.Date(2016, t.Month, t.Day), i + 1, communities)).ToList();
        db.KeyTasks.AddRange(tasks);
        await db.SaveChangesAsync(ct);

        for (var t = 0; t < tasks.Count; t++)
        {
            foreach (var cell in tasks[t].Cells)
            {
                var c = communities.IndexOf(cell.UnitId);
                // A pattern over task and community: mostly done on time, some late, a few under way or not started.
                var (progress, late) = ((t * 3 + c * 2) % 10) switch
                {
                    < 6 => (100, 0),
                    6 => (100, 20),
                    7 => (100, 45),
                    8 => (60, 0),
                    _ => (0, 0),
                };
                var on = demo.Date(new DateOnly(2016, Tasks[t].Month, Tasks[t].Day).AddDays(late - 5));
                cell.Report(Owners[c % Owners.Length], progress, on, $"sq{c + 1:00}", at);
                if (progress > 0)
                {
                    db.KeyTaskNotes.Add(new KeyTaskNote(cell.Id, progress, progress == 100 ? "已完成，资料已归档" : "正在推进，已完成过半", $"sq{c + 1:00}",
                        demo.Past(on.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc))));
                }
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
