using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Points;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Wishes;

/// <summary>The demo's 2016 wishes in the first two communities, one in each state, with tracking codes DEMO000001.. that the
/// README uses: the confirmed one carries its award (made through the same entity methods as the ledger, like
/// <see cref="PointsDemo"/>, with the wish's source key); DEMO000004 waits for the resident's confirmation.</summary>
public static class WishesDemo
{
    private static readonly (string Name, string Phone, string Text)[] Residents =
    [
        ("王秀英", "13909310001", "老伴住院，想请人每周帮忙买两次菜送到家"),
        ("李桂兰", "13909310002", "家里水龙头漏水，想请人帮忙修一修"),
        ("张建国", "13909310003", "想学用智能手机视频通话，和外地的孙子聊天"),
        ("赵玉珍", "13909310004", "楼道灯坏了一个多月，晚上上下楼看不清"),
        ("刘淑芬", "13909310005", "孙女上小学三年级，想找人辅导数学作业"),
        ("陈德明", "13909310006", "请帮忙把阳台上的旧家具搬下楼"),
        ("孙凤英", "13909310007", "想要一副老花镜，看报纸方便些"),
        ("周大爷", "13909310008", "希望有人陪我去社区医院复查血压"),
    ];

    public static async Task LoadAsync(JishiDbContext db, DemoCalendar demo, CancellationToken ct)
    {
        var communities = await db.Units.Where(u => u.Kind == UnitKind.Community).OrderBy(u => u.SortOrder).ThenBy(u => u.Id).Take(2).ToListAsync(ct);
        var first = communities[0];
        var members = await db.Members.Within(first.Path).Where(m => m.Status == MemberStatus.Active && m.Tier == "在职")
            .OrderByDescending(m => m.Id).Select(m => m.Id).Take(3).ToListAsync(ct);
        DateTime On(int month, int day) => demo.At(2016, month, day, 2);
        var year = demo.Year(2016);

        var wishes = Residents.Select((r, i) => new Wish(i < 6 ? first.Id : communities[1].Id, r.Name, r.Phone, r.Text, $"DEMO{i + 1:000000}",
            i == 5 ? "sq01" : null, On(4, 1 + i))).ToList();
        db.Wishes.AddRange(wishes);
        await db.SaveChangesAsync(ct);
        // 1 waits for review; 2, 7 and 8 are on the wall; 3 is claimed; 4 is done and waits for the resident; 5 is confirmed; 6 was declined.
        foreach (var wish in wishes.Where((_, i) => i is not (0 or 5)))
        {
            wish.Publish(wish.UnitId == first.Id ? "sq01" : "sq02", On(4, 10));
        }
        wishes[5].Decline("大件搬运已转社区物业统一安排", "sq01", On(4, 10));
        var claims = new[] { 2, 3, 4 }.Select((w, i) => wishes[w].Claim(members[i], "sq01", On(4, 12))).ToList();
        db.WishClaims.AddRange(claims);
        wishes[3].Fulfil("已联系物业更换楼道灯泡，并检查了其他楼层的灯", On(4, 20));
        wishes[4].Fulfil("每周二、四晚上辅导一小时，已坚持一个月", On(5, 10));
        wishes[4].Confirm(5, "辅导很耐心，孩子成绩进步了，谢谢党员同志！", Wish.ResidentActor, On(5, 12));
        await db.SaveChangesAsync(ct);

        var confirmed = wishes[4];
        var set = await db.RuleSets.Include(s => s.Rules).FirstAsync(s => s.Year == year && s.Tier == "在职", ct);
        var award = LedgerEntry.Create(set, set.Rule(RuleCodes.WishFulfilled)!, new LedgerEntry.Award(members[2], 1, DateOnly.FromDateTime(confirmed.ConfirmedAt!.Value),
            Wish.ResidentActor, confirmed.ConfirmedAt.Value, confirmed.AwardNote, confirmed.FulfilmentNote, Wish.SourceKeyOf(confirmed.Id)), 0, 0);
        award.Approve("sq01", On(5, 13));
        db.LedgerEntries.Add(award);
        (await db.MemberPoints.FirstAsync(p => p.MemberId == members[2] && p.Year == year, ct)).Count(award);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
