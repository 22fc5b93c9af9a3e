using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jishi.IntegrationTests.Platform;

public sealed class StartupTests
{
    private sealed class EmptyFactory : JishiFactory
    {
        protected override bool SeedDemo => false;
    }

    [Fact]
    public async Task Start_SeedDemoOff_OneEmptyStreetAndAdmin()
    {
        await using var factory = new EmptyFactory();
        var admin = await factory.ClientForAsync("admin");
        var units = await admin.GetFromJsonAsync<List<UnitRow>>("/api/units");
        var street = Assert.Single(units!);
        Assert.Equal("Street", street.Kind);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<JishiDbContext>().Members.CountAsync());
    }

    [Fact]
    public async Task Start_Demo_TellsTheStory()
    {
        await using var factory = new JishiFactory();
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JishiDbContext>();
        var members = await db.Members.CountAsync();
        Assert.InRange(members, 550, 700);
        Assert.Equal(5, await db.Members.Select(m => m.Tier).Distinct().CountAsync());
        Assert.Equal(9, await db.Users.CountAsync(u => u.UserName!.StartsWith("sq")));
        var campaign = await db.ReviewCampaigns.Include(c => c.Subjects).SingleAsync(c => c.Year == 2016);
        Assert.Equal(2016, campaign.Year);
        Assert.Equal(new DateOnly(2016, 2, 13), campaign.MeetingDate);
        Assert.Equal(9, campaign.Subjects.Count);
        // Last year's campaign carries the 整改 tasks the 2016 reports look back on.
        var previous = await db.ReviewCampaigns.SingleAsync(c => c.Year == 2015);
        Assert.Equal(Jishi.Web.Features.Reviews.ReviewStatus.Published, previous.Status);
        Assert.Equal(2, await db.Rectifications.CountAsync(t => t.CampaignId == previous.Id));
        Assert.Equal(3, await db.WorkReports.CountAsync(r => r.Status == Jishi.Web.Features.Reviews.WorkReportStatus.Submitted));
    }

    [Fact]
    public async Task Initialize_SecondTime_DoesNotSeedAgain()
    {
        await using var factory = new JishiFactory();
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JishiDbContext>();
        var before = await db.Members.CountAsync();
        var outcome = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        Assert.False(outcome.DemoLoaded);
        Assert.Null(outcome.GeneratedAdminPassword);
        Assert.Equal(before, await db.Members.CountAsync());
    }

    private sealed record UnitRow(int Id, int? ParentId, string Kind, string Name);
}
