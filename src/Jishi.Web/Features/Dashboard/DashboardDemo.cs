using Jishi.Web.Data;
using Jishi.Web.Features.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Dashboard;

/// <summary>Gives the dashboard's review panels a two-year trend in the demo: a published 2014 campaign (with daily scores,
/// held by <see cref="DemoBallots"/>) before the published 2015 one. Deterministic: the same grades on every machine.</summary>
public static class DashboardDemo
{
    public static async Task LoadAsync(JishiDbContext db, DemoCalendar demo, CancellationToken ct)
    {
        var lastYear = demo.Year(2015);
        var last = await db.ReviewCampaigns.Include(c => c.Subjects).Include(c => c.VoterGroups).AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Year == lastYear && c.Status == ReviewStatus.Published, ct);
        if (last is null)
        {
            return;
        }
        var unitIds = last.Subjects.Select(s => s.UnitId).ToList();
        var units = await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var earlier = new ReviewCampaign(last.StreetId, $"{demo.Year(2014)}年度社区党组织书记抓基层党建工作述职评议", demo.Year(2014), demo.Date(2014, 2, 12));
        foreach (var (s, i) in last.Subjects.OrderBy(s => s.Id).Select((s, i) => (s, i)))
        {
            earlier.SetDailyScore(earlier.AddSubject(units[s.UnitId], s.Name).Value!, 78 + (i * 7 % 17));
        }
        earlier.AddVoterGroup("街道党工委成员", 1, 12);
        db.ReviewCampaigns.Add(earlier);
        await db.SaveChangesAsync(ct);
        await DemoBallots.HoldAsync(db, earlier, new Random(2014), ct);
        db.ChangeTracker.Clear();
    }
}
