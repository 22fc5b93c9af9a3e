using System.Net.Http.Json;
using System.Text.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Features.Points;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Jishi.IntegrationTests.Demo;

/// <summary>The demo as a newcomer loads it: dated to the day it is loaded (no Jishi:DemoToday), on a fake clock.</summary>
public abstract class DatedDemoFactory(DateTimeOffset now) : JishiFactory(new FakeTimeProvider(now))
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Jishi:DemoToday", "");
    }
}

/// <summary>Late in the year: the story's year is this year.</summary>
public sealed class DecemberDemoFactory() : DatedDemoFactory(new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero));

/// <summary>Three weeks into a year: the story's past is squeezed into those weeks.</summary>
public sealed class JanuaryDemoFactory() : DatedDemoFactory(new DateTimeOffset(2027, 1, 20, 2, 0, 0, TimeSpan.Zero));

public abstract class DemoDatedTodayTests(DatedDemoFactory factory)
{
    private int Year => factory.Clock.GetUtcNow().AddHours(8).Year;

    [Fact]
    public async Task Dashboard_NoYearGiven_OpensOnThisYearWithPoints()
    {
        var admin = await factory.ClientForAsync("admin");
        var view = await admin.GetFromJsonAsync<JsonElement>("/api/dashboard");
        Assert.Equal(Year, view.GetProperty("year").GetInt32());
        var points = view.GetProperty("panels").EnumerateArray().First(p => p.GetProperty("key").GetString()!.StartsWith("points"));
        Assert.NotEqual(0, points.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public async Task OverdueList_DemoDatedToday_OverdueByDaysNotYears()
    {
        var admin = await factory.ClientForAsync("admin");
        var view = await admin.GetFromJsonAsync<JsonElement>("/api/dashboard/overdue");
        var rows = view.GetProperty("panels")[0].GetProperty("rows").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.InRange(row[4].GetInt32(), 1, 365));
    }

    [Fact]
    public async Task ShopCounter_DemoDatedToday_MembersHaveThisYearsPointsAndRedemptions()
    {
        var admin = await factory.ClientForAsync("admin");
        var leaders = await admin.GetFromJsonAsync<JsonElement>($"/api/points/leaderboard?year={Year}&top=10");
        var spendable = new List<decimal>();
        foreach (var leader in leaders.EnumerateArray())
        {
            var statement = await admin.GetFromJsonAsync<JsonElement>($"/api/members/{leader.GetProperty("memberId").GetInt32()}/points?year={Year}");
            spendable.Add(statement.GetProperty("spendableBalance").GetDecimal());
        }
        Assert.Contains(spendable, s => s > 0);

        var redemptions = 0;
        var month = factory.Clock.GetUtcNow().AddHours(8).Month;
        foreach (var shop in (await admin.GetFromJsonAsync<JsonElement>("/api/shops")).EnumerateArray())
        {
            for (var m = 1; m <= month; m++)
            {
                var report = await admin.GetFromJsonAsync<JsonElement>($"/api/shops/{shop.GetProperty("id").GetInt32()}/report?year={Year}&month={m}");
                redemptions += report.GetProperty("redemptions").GetInt32();
            }
        }
        Assert.True(redemptions > 0, "no redemption in this year's shop reports");
    }

    [Fact]
    public async Task Ledger_DemoDatedToday_NothingAfterTodayAndBalancesMatch()
    {
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().AddHours(8).Date);
        var latest = await factory.WithDbAsync(db => Task.FromResult(db.LedgerEntries.Max(e => e.OccurredOn)));
        Assert.True(latest <= today, $"a ledger entry on {latest}, after {today}");
        Assert.Empty((await factory.WithDbAsync(db => new VerifyLedger(db).HandleAsync(CancellationToken.None))).Differences);
    }
}

public sealed class DemoDatedDecemberTests(DecemberDemoFactory factory) : DemoDatedTodayTests(factory), IClassFixture<DecemberDemoFactory>;

public sealed class DemoDatedJanuaryTests(JanuaryDemoFactory factory) : DemoDatedTodayTests(factory), IClassFixture<JanuaryDemoFactory>;
