using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Points.Postings;

/// <summary>The demo's closed 公示 of the first community's first quarter of 2016 (5 days from 5 April) with one objection,
/// rejected after the sign-in sheet was checked.</summary>
public static class PostingsDemo
{
    public static async Task LoadAsync(JishiDbContext db, DemoCalendar demo, CancellationToken ct)
    {
        var community = await db.Units.Where(u => u.Kind == UnitKind.Community).OrderBy(u => u.SortOrder).ThenBy(u => u.Id).FirstAsync(ct);
        var year = demo.Year(2016);
        var posting = new Posting(community.Id, year, 1, demo.Date(2016, 4, 5), Posting.DefaultDays, "sq01", demo.At(2016, 4, 5, 1));
        db.Postings.Add(posting);
        await db.SaveChangesAsync(ct);
        var entry = await db.LedgerEntries.Where(e => e.RuleCode == RuleCodes.ThemeDay && e.Status == EntryStatus.Approved && e.ReversalOf == null
                && e.Year == year && !db.LedgerEntries.Any(r => r.ReversalOf == e.Id) && db.Members.Within(community.Path).Any(m => m.Id == e.MemberId))
            .OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(ct);
        var objection = new Objection(posting.Id, entry, "本人称当天在外地出差，未参加主题党日", "sq01", demo.At(2016, 4, 7, 2));
        objection.Resolve(ObjectionStatus.Rejected, "经核对签到表和活动照片，该同志当日确已参加，维持原记录", null, "sq01",
            demo.At(2016, 4, 8, 2));
        db.Objections.Add(objection);
        await db.SaveChangesAsync(ct);
    }
}
