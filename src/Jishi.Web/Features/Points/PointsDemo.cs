using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Points;

/// <summary>The demo street's points for the first quarter of 2016: the default rule set of every tier, meeting attendance
/// (theme days and group meetings monthly, the general meeting in March), absences and late arrivals, volunteer hours, wishes
/// and a few pledges, most approved and the last weeks' still pending, one entry rejected and one reversed. Generated from a
/// fixed seed through the same entity methods as the API (caps, balances, counted on the re-dated days of
/// <see cref="DemoCalendar"/>), and stored in one round of inserts.</summary>
public sealed class PointsDemo(JishiDbContext db, DemoCalendar demo)
{
    private const int Story = DemoCalendar.StoryYear;

    private static readonly TimeSpan Evening = TimeSpan.FromHours(12); // 20:00 in 兰州 is 12:00 UTC

    public async Task LoadAsync(CancellationToken ct)
    {
        var street = await db.Units.Where(u => u.Kind == UnitKind.Street).OrderBy(u => u.Id).FirstAsync(ct);
        var year = demo.Year(Story);
        var sets = MemberTier.Defaults.Select(t => RuleSet.CreateDefault(street.Id, t, year)).ToDictionary(s => s.Tier);
        db.RuleSets.AddRange(sets.Values);
        await db.SaveChangesAsync(ct);

        // Each community's secretary records for its members (sq01..sq09 in community order).
        var communities = await db.Units.Where(u => u.Kind == UnitKind.Community).OrderBy(u => u.SortOrder).ThenBy(u => u.Id)
            .Select(u => u.Path).ToListAsync(ct);
        var members = await db.Members.AsNoTracking().OrderBy(m => m.Id).Select(m => new { m.Id, m.Tier, m.Unit!.Path }).ToListAsync(ct);
        var random = new Random(Story);
        var entries = new List<LedgerEntry>();
        var balances = new List<MemberPoints>();
        foreach (var member in members)
        {
            var set = sets[member.Tier];
            var recorder = $"sq{communities.FindIndex(c => UnitScope.Sees(c, member.Path)) + 1:00}";
            var balance = new MemberPoints(member.Id, year, set.BaseScore);
            balances.Add(balance);
            var used = new CapUsage();
            // On a day of the story (2016), booked on its re-dated day; source keys keep the story's days, so they stay distinct.
            void Post(string code, decimal quantity, DateOnly story, string? sourceKey = null, string? evidence = null)
            {
                if (set.Rule(code) is not { } rule)
                {
                    return; // this tier has no such item
                }
                var on = demo.Date(story);
                var (month, yearUsed) = used.Of(code, on);
                var entry = LedgerEntry.Create(set, rule, new LedgerEntry.Award(member.Id, quantity, on, recorder,
                    demo.Past(on.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) + Evening), null, evidence, sourceKey), month, yearUsed);
                used.Add(code, on, entry.Granted);
                // Approvals lag about two weeks: what happened after mid-March is still pending.
                if (entry.Status == EntryStatus.Pending && story < new DateOnly(Story, 3, 15))
                {
                    entry.Approve(recorder, demo.Past(on.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(random.Next(3, 14))));
                }
                entries.Add(entry);
            }

            for (var month = 1; month <= 3; month++)
            {
                var themeDay = new DateOnly(Story, month, 1).AddDays(random.Next(3, 10));
                var attends = random.Next(100) < (member.Tier is "流动" or "年老体弱" ? 55 : 88);
                Post(attends ? RuleCodes.ThemeDay : RuleCodes.Absence, 1, themeDay, $"demo:{themeDay:yyyyMMdd}:theme-day:{member.Id}");
                if (attends && random.Next(100) < 6)
                {
                    Post(RuleCodes.LateOrEarly, 1, themeDay);
                }
                if (random.Next(100) < 75)
                {
                    Post(RuleCodes.GroupMeeting, 1, themeDay.AddDays(10), $"demo:{themeDay:yyyyMM}:group-meeting:{member.Id}");
                }
                if (random.Next(100) < 30)
                {
                    Post(RuleCodes.VolunteerHour, random.Next(1, 5), new DateOnly(Story, month, random.Next(1, 28)));
                }
            }
            Post(RuleCodes.GeneralMeeting, 1, new DateOnly(Story, 3, 25), $"demo:20160325:general-meeting:{member.Id}");
            if (random.Next(100) < 15)
            {
                Post(RuleCodes.WishFulfilled, 1, new DateOnly(Story, random.Next(1, 4), random.Next(1, 28)));
            }
            if (random.Next(100) < 8)
            {
                Post(RuleCodes.PledgeKept, 1, new DateOnly(Story, 3, random.Next(1, 28)), evidence: "社区照片及服务对象签字");
            }
            if (random.Next(100) < 5)
            {
                Post(RuleCodes.DuesLate, 1, new DateOnly(Story, 1, 31));
            }
        }
        foreach (var entry in entries.Where(e => e.Status == EntryStatus.Approved))
        {
            balances.First(b => b.MemberId == entry.MemberId).Count(entry);
        }
        db.LedgerEntries.AddRange(entries);
        db.MemberPoints.AddRange(balances);
        await db.SaveChangesAsync(ct);
        await CorrectionsAsync(entries, balances, ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>One duplicate volunteer record rejected and one wrong theme day reversed, so the demo shows both.</summary>
    private async Task CorrectionsAsync(List<LedgerEntry> entries, List<MemberPoints> balances, CancellationToken ct)
    {
        var at = demo.At(Story, 3, 28, 2);
        if (entries.FirstOrDefault(e => e.Status == EntryStatus.Pending && e.RuleCode == RuleCodes.VolunteerHour) is { } duplicate)
        {
            duplicate.Reject(duplicate.RecordedBy, at, "与社区活动签到重复登记");
        }
        if (entries.FirstOrDefault(e => e.RuleCode == RuleCodes.ThemeDay && e.Granted > 0) is { } wrong)
        {
            var reversal = wrong.Reverse(wrong.RecordedBy, at, "当日请假，误记为出席");
            db.LedgerEntries.Add(reversal);
            balances.First(b => b.MemberId == wrong.MemberId).Count(reversal);
        }
        await db.SaveChangesAsync(ct);
    }
}
