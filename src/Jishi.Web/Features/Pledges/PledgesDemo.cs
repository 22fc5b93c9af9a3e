using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Points;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Pledges;

/// <summary>The demo's 2016 pledges in the first community: one draft, four published, one kept and awarded (its entry
/// made through the same entity methods as the ledger, like <see cref="PointsDemo"/>, with the pledge's source key), and
/// one rated by the branch.</summary>
public static class PledgesDemo
{
    private static readonly (string Text, string Target)[][] Items =
    [
        [("结对帮扶困难户", "2户"), ("参加社区志愿服务", "40小时"), ("进楼院宣讲惠民政策", "6次")],
        [("调解邻里纠纷", "5起"), ("带头做好垃圾分类", "全年坚持")],
        [("为独居老人代购送餐", "每周1次"), ("参与创建文明楼院", "1个")],
        [("义务巡逻守护平安", "24次"), ("帮助青少年课后辅导", "20小时")],
        [("收集居民意见建议", "12条"), ("参加无偿献血", "1次")],
        [("整治楼道堆物", "3个单元"), ("组织邻里文化活动", "2次")],
    ];

    public static async Task LoadAsync(JishiDbContext db, DemoCalendar demo, CancellationToken ct)
    {
        var community = await db.Units.Where(u => u.Kind == UnitKind.Community).OrderBy(u => u.SortOrder).ThenBy(u => u.Id).FirstAsync(ct);
        var members = await db.Members.Within(community.Path).Where(m => m.Status == MemberStatus.Active && m.Tier == "在职")
            .OrderBy(m => m.Id).Select(m => m.Id).Take(Items.Length).ToListAsync(ct);
        var year = demo.Year(2016);
        var pledges = members.Select((id, i) => new Pledge(id, year, Items[i], "sq01", demo.At(2016, 1, 12, 2))).ToList();
        foreach (var pledge in pledges.Skip(1))
        {
            pledge.Publish(demo.At(2016, 1, 15, 2));
        }
        var kept = pledges[1];
        kept.Keep("帮扶对象签字确认、社区照片及志愿服务时长记录", "sq01", demo.At(2016, 3, 20, 2));
        kept.Rate("好", "承诺事项具体，兑现及时，群众认可", "sq01", demo.At(2016, 3, 21, 2));
        pledges[2].Rate("较好", "进度正常，继续坚持", "sq01", demo.At(2016, 3, 21, 2));
        db.Pledges.AddRange(pledges);
        await db.SaveChangesAsync(ct);

        var set = await db.RuleSets.Include(s => s.Rules).FirstAsync(s => s.Year == year && s.Tier == "在职", ct);
        var on = demo.Date(2016, 3, 20);
        var award = LedgerEntry.Create(set, set.Rule(RuleCodes.PledgeKept)!, new LedgerEntry.Award(kept.MemberId, 1, on, "sq01",
            kept.ClosedAt!.Value, ClosePledge.Note(kept), kept.Outcome, kept.SourceKey), 0, 0);
        award.Approve("sq01", demo.At(2016, 3, 22, 2));
        db.LedgerEntries.Add(award);
        (await db.MemberPoints.FirstAsync(p => p.MemberId == kept.MemberId && p.Year == year, ct)).Count(award);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
