using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Shops;
using Jishi.Web.Features.Wishes;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Dashboard;

/// <summary>Service to residents: confirmed volunteer hours by month and community, 微心愿 by community, and the 爱心超市's
/// redemptions by month. Each is one grouped query; months are the street's local months.</summary>
public sealed class ServiceFigures(JishiDbContext db, IStringLocalizer<SharedResource> text) : IPanelSource
{
    public async Task<IReadOnlyList<Panel>> PanelsAsync(DashboardScope scope, CancellationToken ct) =>
        [await VolunteerHoursAsync(scope, ct), await WishesAsync(scope, ct), await ShopsAsync(scope, ct)];

    /// <summary>Hours of the service records of the year (those confirmed, the only ones that count), by the month the
    /// activity took place and the community that ran it.</summary>
    public async Task<Panel> VolunteerHoursAsync(DashboardScope scope, CancellationToken ct)
    {
        var offset = scope.UtcOffsetHours;
        var rows = await (
            from r in db.ServiceRecords.AsNoTracking()
            where r.Year == scope.Year
            join a in db.VolunteerActivities on r.ActivityId equals a.Id
            join u in db.Units.Within(scope.Path) on a.UnitId equals u.Id
            group r.HalfHours by new { a.UnitId, a.StartsAt.AddHours(offset).Month } into g
            select new { g.Key.UnitId, g.Key.Month, HalfHours = g.Sum() }).ToListAsync(ct);
        var months = Enumerable.Range(1, 12).Select(m => scope.SumByGroup(
            rows.Where(r => r.Month == m).Select(r => (r.UnitId, new[] { r.HalfHours / 2m })), 1)).ToList();
        return new Panel("volunteer-hours", text["Dashboard.Panel.volunteer-hours"], PanelChart.StackedBar,
            [text["Dashboard.Month"], .. scope.Groups.Select(g => g.Name), text["Dashboard.Total"]],
            months.Select((m, i) => (IReadOnlyList<object?>)[MonthName(i + 1), .. m.Select(g => (object?)g.Sums[0]), m.Sum(g => g.Sums[0])]).ToList(),
            Enumerable.Range(1, scope.Groups.Count).ToList());
    }

    /// <summary>Wishes submitted in the year, and of them how many were claimed (at any stage since) and fulfilled.</summary>
    public async Task<Panel> WishesAsync(DashboardScope scope, CancellationToken ct)
    {
        var (start, end) = scope.YearInUtc;
        var rows = await (
            from w in db.Wishes.AsNoTracking()
            where w.SubmittedAt >= start && w.SubmittedAt < end
            join u in db.Units.Within(scope.Path) on w.UnitId equals u.Id
            group w by w.UnitId into g
            select new
            {
                UnitId = g.Key,
                Submitted = g.Count(),
                Claimed = g.Count(w => w.Status == WishStatus.Claimed || w.Status == WishStatus.Fulfilled || w.Status == WishStatus.Confirmed),
                Fulfilled = g.Count(w => w.Status == WishStatus.Fulfilled || w.Status == WishStatus.Confirmed),
            }).ToListAsync(ct);
        var byGroup = scope.SumByGroup(rows.Select(r => (r.UnitId, new[] { r.Submitted, r.Claimed, r.Fulfilled })), 3);
        return new Panel("wishes", text["Dashboard.Panel.wishes"], PanelChart.Bar,
            [text["Dashboard.Unit"], text["Dashboard.WishesSubmitted"], text["Dashboard.WishesClaimed"], text["Dashboard.WishesFulfilled"]],
            byGroup.Select(g => (IReadOnlyList<object?>)[g.Group.Name, .. g.Sums.Select(n => (object?)n)]).ToList(),
            [1, 2, 3]);
    }

    /// <summary>Redemptions made in the year at shops of the scope (cancelled ones do not count) and the points they took,
    /// by month. Points are summed per distinct amount in the database, the providers storing them as hundredths.</summary>
    public async Task<Panel> ShopsAsync(DashboardScope scope, CancellationToken ct)
    {
        var (start, end) = scope.YearInUtc;
        var offset = scope.UtcOffsetHours;
        var rows = await (
            from r in db.Redemptions.AsNoTracking()
            where r.CreatedAt >= start && r.CreatedAt < end && r.Status != RedemptionStatus.Cancelled
            join s in db.Shops on r.ShopId equals s.Id
            join u in db.Units.Within(scope.Path) on s.UnitId equals u.Id
            group r by new { r.CreatedAt.AddHours(offset).Month, r.PointsSpent } into g
            select new { g.Key.Month, g.Key.PointsSpent, N = g.Count() }).ToListAsync(ct);
        return new Panel("shops", text["Dashboard.Panel.shops"], PanelChart.Bar,
            [text["Dashboard.Month"], text["Dashboard.Redemptions"], text["Dashboard.PointsSpent"]],
            Enumerable.Range(1, 12).Select(m => (IReadOnlyList<object?>)[MonthName(m),
                rows.Where(r => r.Month == m).Sum(r => r.N), rows.Where(r => r.Month == m).Sum(r => r.N * r.PointsSpent)]).ToList(),
            [1, 2]);
    }

    private string MonthName(int month) => text["Dashboard.MonthName", month];
}
