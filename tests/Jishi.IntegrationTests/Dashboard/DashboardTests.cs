using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Data;
using Jishi.Web.Features.Dashboard;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Points;
using Jishi.Web.Features.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Xunit.Abstractions;
using Jishi.Testing;

namespace Jishi.IntegrationTests.Dashboard;

/// <summary>The street dashboard on whichever database the suite runs: every endpoint keeps to the caller's subtree, and its
/// figures equal a plain count of the same rows.</summary>
[Collection(ApiCollection.Name)]
public sealed class DashboardTests(JishiFactory factory, ITestOutputHelper output)
{
    public sealed record PanelRow(string Key, string Title, string Chart, List<string> Columns, List<List<JsonElement>> Rows, List<int> Series);

    public sealed record ViewRow(int Year, List<PanelRow> Panels);

    [Fact]
    public async Task Dashboard_WithoutYear_ShowsTheDemoYearWithEveryPanel()
    {
        var admin = await factory.ClientForAsync("admin");

        var view = await admin.GetFromJsonAsync<ViewRow>("/api/dashboard");

        Assert.Equal(2016, view!.Year);
        Assert.Equal(["review-results", "review-trend", "points-stars", "points-tiers", "volunteer-hours", "wishes", "shops", "rectifications", "key-tasks", "turnaround", "terms",
                "overdue"],
            view.Panels.Select(p => p.Key));
        var stars = view.Panels.Single(p => p.Key == "points-stars");
        Assert.Equal(9, stars.Rows.Count);
        Assert.All(view.Panels.Where(p => p.Chart != "Table"), p => Assert.NotEmpty(p.Series));
        var review = view.Panels.Single(p => p.Key == "review-results");
        Assert.Equal(9, review.Rows.Count);
        Assert.All(review.Rows, r => Assert.InRange(r[4].GetDouble(), 40, 100));
        Assert.Equal(["2014", "2015"], view.Panels.Single(p => p.Key == "review-trend").Rows.Select(r => r[0].GetString()));
        var openApi = await factory.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.All(DashboardSetup.Sources, s => Assert.Contains($"\"/api/dashboard/{s.Name}\"", openApi, StringComparison.Ordinal));
        Assert.Contains("\"/api/dashboard/export.xlsx\"", openApi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryEndpoint_CommunitySecretary_SeesOnlyItsCommunity()
    {
        var (mine, others) = await CommunitiesAsync("sq01");
        var client = await factory.ClientForAsync("sq01");

        foreach (var (name, _) in DashboardSetup.Sources.Prepend(("", typeof(object))))
        {
            var response = await client.GetAsync($"/api/dashboard/{name}?year=2016".Replace("/?", "?", StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var json = await response.Content.ReadAsStringAsync();
            Assert.All(others, other => Assert.DoesNotContain(other, json, StringComparison.Ordinal));
            var view = JsonSerializer.Deserialize<ViewRow>(json, JsonSerializerOptions.Web)!;
            Assert.NotEmpty(view.Panels);
            foreach (var panel in view.Panels.Where(p => p.Columns[0] == "单位" && p.Key != "overdue"))
            {
                Assert.All(panel.Rows, r => Assert.Equal(mine, r[0].GetString()));
            }
        }
    }

    [Fact]
    public async Task PointsStars_AsStreetAndAsCommunity_EqualADirectCount()
    {
        var admin = await factory.ClientForAsync("admin");
        var secretary = await factory.ClientForAsync("sq03");
        var expected = await StarCountsAsync();

        var street = await PanelAsync(admin, "points", "points-stars");
        var community = await PanelAsync(secretary, "points", "points-stars");

        Assert.Equal(expected.Count, street.Rows.Count);
        foreach (var row in street.Rows.Concat(community.Rows))
        {
            var (members, byStars) = expected[row[0].GetString()!];
            Assert.Equal(members, row[1].GetInt32());
            Assert.Equal(byStars, row.Skip(3).Select(c => c.GetInt32()));
        }
        Assert.Single(community.Rows);
        output.WriteLine($"{factory.Provider}: {string.Join("; ", street.Rows.Select(r => string.Join(",", r)))}");
    }

    [Fact]
    public async Task Rectifications_AsStreet_EqualADirectCountAndListTheOverdue()
    {
        var admin = await factory.ClientForAsync("admin");
        var today = factory.Clock.ServerToday();
        var expected = await factory.WithDbAsync(async db => await (
            from t in db.Rectifications
            join u in db.Units on t.UnitId equals u.Id
            join c in db.Units on u.ParentId equals c.Id into parents
            from c in parents.DefaultIfEmpty()
            select new { Community = u.Kind == UnitKind.Community ? u.Name : c!.Name, t.Status, t.Deadline, t.Problem }).ToListAsync());

        var panel = await PanelAsync(admin, "rectifications", "rectifications");
        var overdue = await PanelAsync(admin, "overdue", "overdue");

        Assert.NotEmpty(expected);
        foreach (var row in panel.Rows)
        {
            var mine = expected.Where(e => e.Community == row[0].GetString()).ToList();
            Assert.Equal(Enum.GetValues<RectificationStatus>().Select(s => mine.Count(e => e.Status == s)), row.Skip(1).Take(4).Select(c => c.GetInt32()));
            Assert.Equal(mine.Count, row[5].GetInt32());
            Assert.Equal(mine.Count(e => e.Status != RectificationStatus.Closed && e.Deadline < today), row[6].GetInt32());
        }
        Assert.Equal(expected.Count, panel.Rows.Sum(r => r[5].GetInt32()));
        var late = expected.Where(e => e.Status != RectificationStatus.Closed && e.Deadline < today).ToList();
        Assert.NotEmpty(late);
        Assert.Equal(late.Count, overdue.Rows.Count(r => r[0].GetString() == "整改"));
        Assert.Contains(overdue.Rows, r => r[2].GetString() == "离退休党员参加组织生活比例偏低" && r[4].GetInt32() == today.DayNumber - new DateOnly(2015, 10, 31).DayNumber);
    }

    [Fact]
    public async Task KeyTasksAndTurnaround_AsStreet_EqualADirectCountAndListTheirOverdue()
    {
        var admin = await factory.ClientForAsync("admin");
        var today = factory.Clock.ServerToday();
        var (cells, lateCells, plans, lateMilestones) = await factory.WithDbAsync(async db => (
            await db.KeyTaskCells.CountAsync(c => db.KeyTasks.Any(t => t.Id == c.KeyTaskId && t.Year == 2016)),
            await db.KeyTaskCells.CountAsync(c => c.CompletedOn == null && c.Deadline < today),
            await db.TurnaroundPlans.CountAsync(p => p.Year == 2016),
            await db.TurnaroundMilestones.CountAsync(m => m.DoneOn == null && m.DueOn < today
                && db.TurnaroundPlans.Any(p => p.Id == m.PlanId && p.Status == Jishi.Web.Features.Turnaround.TurnaroundStatus.Active))));

        var keyTasks = await PanelAsync(admin, "key-tasks", "key-tasks");
        var turnaround = await PanelAsync(admin, "turnaround", "turnaround");
        var overdue = await PanelAsync(admin, "overdue", "overdue");

        Assert.True(cells > 0 && plans > 0 && lateMilestones > 0);
        Assert.Equal(cells, keyTasks.Rows.Sum(r => r.Skip(1).Take(4).Sum(c => c.GetInt32())));
        Assert.Equal(plans, turnaround.Rows.Sum(r => r.Skip(1).Take(3).Sum(c => c.GetInt32())));
        Assert.Equal(lateCells, overdue.Rows.Count(r => r[0].GetString() == "重点任务"));
        Assert.Equal(lateMilestones, overdue.Rows.Count(r => r[0].GetString() == "转化节点"));
    }

    [Fact]
    public async Task Export_AllAndOnePanel_OpensWithASheetPerPanel()
    {
        var admin = await factory.ClientForAsync("admin");
        var view = await admin.GetFromJsonAsync<ViewRow>("/api/dashboard?year=2016");

        var all = await admin.GetAsync("/api/dashboard/export.xlsx?year=2016");
        var one = await admin.GetAsync("/api/dashboard/export.xlsx?year=2016&panel=points-stars");
        var unknown = await admin.GetAsync("/api/dashboard/export.xlsx?year=2016&panel=nothing");

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        using var workbook = new MemoryStream(await all.Content.ReadAsByteArrayAsync());
        Assert.Equal(view!.Panels.Select(p => p.Title), MiniExcel.GetSheetNames(workbook));
        using var single = new MemoryStream(await one.Content.ReadAsByteArrayAsync());
        var stars = view.Panels.Single(p => p.Key == "points-stars");
        Assert.Equal([stars.Title], MiniExcel.GetSheetNames(single));
        var rows = single.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(stars.Rows.Select(r => r[0].GetString()), rows.Select(r => r[stars.Columns[0]]?.ToString()));
        Assert.Equal(stars.Rows.Select(r => r[1].GetInt32()), rows.Select(r => Convert.ToInt32(r[stars.Columns[1]], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static async Task<PanelRow> PanelAsync(HttpClient client, string source, string key) =>
        (await client.GetFromJsonAsync<ViewRow>($"/api/dashboard/{source}?year=2016"))!.Panels.Single(p => p.Key == key);

    private async Task<(string Mine, List<string> Others)> CommunitiesAsync(string secretary) => await factory.WithDbAsync(async db =>
    {
        var unitId = await db.Users.Where(u => u.UserName == secretary).Select(u => u.UnitId).SingleAsync();
        var names = await db.Units.Where(u => u.Kind == UnitKind.Community).Select(u => new { u.Id, u.Name }).ToListAsync();
        return (names.Single(n => n.Id == unitId).Name, names.Where(n => n.Id != unitId).Select(n => n.Name).ToList());
    });

    /// <summary>Members and stars per community the plain way: every active member, scored and starred in memory.</summary>
    private async Task<Dictionary<string, (int Members, int[] ByStars)>> StarCountsAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JishiDbContext>();
        var standards = await scope.ServiceProvider.GetRequiredService<RuleSetLookup>().StandardsAsync(2016, default);
        var exempt = await db.Exemptions.Where(x => x.Year == 2016).Select(x => x.MemberId).ToListAsync();
        var points = await db.MemberPoints.Where(p => p.Year == 2016).ToDictionaryAsync(p => p.MemberId, p => p.AssessmentScore);
        var communities = await db.Units.Where(u => u.Kind == UnitKind.Community).ToListAsync();
        var members = await db.Members.Where(m => m.Status == MemberStatus.Active).Select(m => new { m.Id, m.Tier, m.Unit!.Path }).ToListAsync();
        return communities.ToDictionary(c => c.Name, c =>
        {
            var mine = members.Where(m => m.Path.StartsWith(c.Path, StringComparison.Ordinal) && !exempt.Contains(m.Id)).ToList();
            var stars = mine.Select(m =>
            {
                var street = Unit.StreetOf(m.Path);
                return standards.StarsOf(street, m.Tier).StarsFor(points.TryGetValue(m.Id, out var s) ? s : standards.BaseOf(street, m.Tier));
            }).ToList();
            return (mine.Count, Enumerable.Range(0, 6).Select(n => stars.Count(s => s == n)).ToArray());
        });
    }
}
