using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Turnaround;

/// <summary>Two 2016 plans the README follows: the 流动党员党支部 of the first community (sq01) still being turned around, three
/// milestones done with evidence and the fourth overdue since 2016-09-30; the 离退休党支部 of the second community (sq02)
/// re-graded ★★★ in January 2017 and closed. Made through the entity methods, as a user would.</summary>
public static class TurnaroundDemo
{
    private const int Year = DemoCalendar.StoryYear;

    public static async Task LoadAsync(JishiDbContext db, DemoCalendar demo, CancellationToken ct)
    {
        var year = demo.Year(Year);
        var at = demo.At(Year, 3, 1, 1);
        var communities = await db.Units.Where(u => u.Kind == UnitKind.Community).OrderBy(u => u.SortOrder).ThenBy(u => u.Id).Take(2)
            .Select(u => u.Id).ToListAsync(ct);
        var branches = await db.Units.Where(u => u.Kind == UnitKind.Branch && communities.Contains(u.ParentId!.Value))
            .Select(u => new { u.Id, u.Name, Community = u.ParentId!.Value }).ToListAsync(ct);
        var mobile = branches.First(b => b.Community == communities[0] && b.Name == "流动党员党支部");
        var retired = branches.First(b => b.Community == communities[1] && b.Name == "离退休党支部");

        var running = new TurnaroundPlan(mobile.Id, year, new PlanDetails($"{year}年度分类定级为后进（★★），组织生活不经常、流动党员联系不上",
            "马卫国（街道党工委书记）", null, "刘建军", HelperRole.Instructor, null,
            ["“三会一课”不经常，全年只开了 4 次支委会", "27 名流动党员中有 9 名长期失联", "支部委员缺额 1 名，分工不明确"],
            ["建立流动党员微信群，每月一次线上组织生活", "逐一走访失联党员家属，半年内全部恢复联系", "补选支部委员，明确组织、宣传分工"],
            "晋级到★★★"), "admin", at);
        Milestone(running, "补选支部委员并明确分工", demo.Date(Year, 4, 15), demo.Date(Year, 4, 12), "4月12日支部党员大会补选宣传委员");
        Milestone(running, "建立流动党员微信群并开展首次线上组织生活", demo.Date(Year, 5, 31), demo.Date(Year, 5, 28), "入群 24 人");
        Milestone(running, "完成对失联党员家属的第一轮走访", demo.Date(Year, 7, 31), demo.Date(Year, 8, 6), "找回 6 名，3 名仍在联系");
        Milestone(running, "失联党员全部恢复联系并按期交纳党费", demo.Overdue(Year, 9, 30), null, null);
        foreach (var (month, text) in new[]
                 {
                     (4, "补选了宣传委员，支委分工上墙；刘建军同志列席支委会两次。"),
                     (5, "微信群建好，5月28日第一次线上学习，24人参加。"),
                     (6, "走访失联党员家属 5 户，找回 3 名党员。"),
                     (7, "又找回 3 名；余下 3 名在外省务工，正通过当地社区联系。"),
                     (8, "8月6日走访收尾，剩余 3 名仍未联系上，需街道协调外省社区。"),
                 })
        {
            running.AddProgress(text, month % 2 == 0 ? "sq01" : "admin", demo.Date(Year, month, 25), demo.At(Year, month, 25, 8));
        }

        var closed = new TurnaroundPlan(retired.Id, year, new PlanDetails($"{year}年度分类定级为后进（★），活动阵地缺失、党员参与少",
            "马卫国（街道党工委书记）", null, "陈晓东", HelperRole.FirstSecretary, null,
            ["没有固定活动场所", "年老体弱党员多，参加组织生活不足三成"],
            ["与社区共用党员活动室，每月固定一天", "为行动不便的党员送学上门"],
            "晋级到★★★"), "admin", at);
        Milestone(closed, "落实活动室，制定每月活动日", demo.Date(Year, 4, 30), demo.Date(Year, 4, 20), null);
        Milestone(closed, "送学上门覆盖全部年老体弱党员", demo.Date(Year, 10, 31), demo.Date(Year, 10, 15), null);
        closed.AddProgress("活动室已落实，每月第二个周三为支部活动日。", "sq02", demo.Date(Year, 4, 25), demo.At(Year, 4, 25, 8));
        closed.AddProgress("送学上门 11 人次，参加组织生活的党员超过六成。", "sq02", demo.Date(Year, 10, 25), demo.At(Year, 10, 25, 8));
        var regraded = demo.Date(Year + 1, 1, 15);
        closed.Complete(new Regrading(regraded, 3, null, "街道复评达到★★★，转入一般支部"), regraded, "admin", demo.At(Year + 1, 1, 15, 8));

        db.TurnaroundPlans.AddRange(running, closed);
        await db.SaveChangesAsync(ct);
        // One piece of evidence per done milestone of the running plan, so the detail page shows what a file looks like.
        foreach (var milestone in running.Milestones.Where(m => m.DoneOn is not null))
        {
            var file = new CheckedFile($"{milestone.Title[..4]}.pdf", "application/pdf", "%PDF-1.4\n% 七里墩街道 演示佐证材料\n%%EOF\n"u8.ToArray());
            db.TurnaroundFiles.Add(new TurnaroundFile(milestone.Id, file, "sq01", milestone.DoneOn!.Value.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc)));
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static void Milestone(TurnaroundPlan plan, string title, DateOnly due, DateOnly? done, string? note)
    {
        var milestone = plan.AddMilestone(title, due, note).Value!;
        if (done is { } on)
        {
            milestone.MarkDone(on, note, on);
        }
    }
}
