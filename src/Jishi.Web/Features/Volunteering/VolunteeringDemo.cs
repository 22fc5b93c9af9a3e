using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Points;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Volunteering;

/// <summary>The demo's volunteering in the first community: the street's 便民服务中心 and the community's 日间照料中心, two
/// registered residents, a 学雷锋 activity of March 2016 (re-dated, <see cref="DemoCalendar"/>) with confirmed hours (posted long ago, so certificates print, its
/// awards made through the ledger's entity methods like <see cref="PointsDemo"/>), and one activity next week.</summary>
public sealed class VolunteeringDemo(JishiDbContext db, TimeProvider clock, DemoCalendar demo)
{
    public async Task LoadAsync(CancellationToken ct)
    {
        var street = await db.Units.Where(u => u.Kind == UnitKind.Street).OrderBy(u => u.Id).FirstAsync(ct);
        var community = await db.Units.Where(u => u.Kind == UnitKind.Community).OrderBy(u => u.SortOrder).ThenBy(u => u.Id).FirstAsync(ct);
        var centre = new Venue(street.Id, $"{street.Name.Replace("党工委", "")}便民服务中心", "便民服务中心", "七里墩街道办事处一楼大厅", "周一至周五 8:30-12:00, 14:30-18:00");
        var dayCare = new Venue(community.Id, $"{community.Name.Replace("党总支", "").Replace("党委", "")}日间照料中心", "日间照料中心", "社区综合楼二楼", "每天 8:00-17:30");
        db.Venues.AddRange(centre, dayCare);
        var year = demo.Year(2016);
        var at = demo.At(2016, 2, 20, 2);
        var residents = new[]
        {
            new Volunteer(community.Id, "李秀英", "13909310001", IdType.ResidentId, IdNumber("62010219580312002"), at),
            new Volunteer(community.Id, "何建平", "13909310002", IdType.ResidentId, IdNumber("62010219620701003"), at),
        };
        db.Volunteers.AddRange(residents);
        await db.SaveChangesAsync(ct);

        // 学雷锋纪念日, 9:00-11:30 local time.
        var start = demo.At(clock.ToUtc(new DateTime(2016, 3, 5, 9, 0, 0)));
        var done = new VolunteerActivity(community.Id, dayCare.Id, "学雷锋志愿服务：为老人理发、测血压", "为日间照料中心老人义务理发、测量血压、打扫房间。",
            "社区 王老师 0931-8123456", start, start.AddHours(2.5), 20, "sq01", at);
        var next = clock.ToUtc(clock.GetLocalNow().Date.AddDays(3).AddHours(9));
        var upcoming = new VolunteerActivity(community.Id, centre.Id, "义务咨询：医保、养老政策进社区", "在便民服务中心为居民解答医保、养老保险政策问题。",
            "社区 王老师 0931-8123456", next, next.AddHours(3), 15, "sq01", clock.GetUtcNow().UtcDateTime);
        db.VolunteerActivities.AddRange(done, upcoming);
        await db.SaveChangesAsync(ct);

        var signedUp = demo.At(2016, 2, 25, 2);
        var members = await db.Members.Within(community.Path).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Tier }).Take(6).ToListAsync(ct);
        var signups = members.Select(m => ActivitySignup.ForMember(done.Id, m.Id, signedUp))
            .Concat(residents.Select(r => ActivitySignup.ForVolunteer(done.Id, r.Id, signedUp))).ToList();
        for (var i = 0; i < signups.Count; i++)
        {
            signups[i].CheckIn(demo.Past(start.AddMinutes(-10 + i)));
            done.CheckOut(signups[i], demo.Past(start.AddMinutes(i % 2 == 0 ? 150 : 110)));
        }
        db.ActivitySignups.AddRange(signups);
        db.Entry(done).Property(a => a.SignedUp).CurrentValue = signups.Count;
        var confirmedAt = demo.Past(start.AddDays(1));
        done.Confirm("sq01", confirmedAt);
        var records = signups.Select(s => new ServiceRecord(done, s, s.HalfHours(done), year, confirmedAt)).ToList();
        db.ServiceRecords.AddRange(records);
        await db.SaveChangesAsync(ct);

        var on = DateOnly.FromDateTime(clock.ToLocal(start));
        foreach (var record in records.Where(r => r.MemberId is not null))
        {
            var tier = members.First(m => m.Id == record.MemberId).Tier;
            var set = await db.RuleSets.Include(s => s.Rules).FirstOrDefaultAsync(s => s.Year == year && s.Tier == tier, ct);
            if (set?.Rule(RuleCodes.VolunteerHour) is not { } rule)
            {
                continue;
            }
            var entry = LedgerEntry.Create(set, rule, new LedgerEntry.Award(record.MemberId!.Value, record.Hours, on, "sq01", confirmedAt,
                $"志愿服务：{done.Title}", null, VolunteerActivity.SourceKeyOf(done.Id, record.MemberId.Value)), 0, 0);
            entry.Approve("sq01", confirmedAt);
            db.LedgerEntries.Add(entry);
            var balance = await db.MemberPoints.FirstOrDefaultAsync(p => p.MemberId == record.MemberId && p.Year == year, ct);
            if (balance is null)
            {
                balance = new MemberPoints(record.MemberId.Value, year, set.BaseScore);
                db.MemberPoints.Add(balance);
            }
            balance.Count(entry);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static string IdNumber(string first17) => first17 + MemberRules.CheckCharacter(first17);
}
