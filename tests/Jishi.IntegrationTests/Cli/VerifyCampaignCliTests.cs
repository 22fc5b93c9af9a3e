using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Jishi.IntegrationTests.Reviews.ReviewApi;

namespace Jishi.IntegrationTests.Cli;

/// <summary><c>jishi verify-campaign ID</c> run as a process on the data folder, as anyone holding the published record or
/// the database would run it: it passes on a finished campaign and fails once a stored ballot was altered.</summary>
[Trait(Suites.Key, Suites.Cli)]
public sealed class VerifyCampaignCliTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task VerifyCampaign_FinishedCampaign_Exit0_AfterABallotIsAltered_Exit1()
    {
        var admin = await factory.ClientForAsync("admin");
        var review = await CreateOpenAsync(admin, "命令行验证 " + Guid.NewGuid().ToString("N")[..6], 2, "党员代表");
        var voter = factory.CreateClient();
        foreach (var (token, i) in (await IssueAsync(admin, review, 0, 5)).Select((t, i) => (t, i)))
        {
            Assert.Equal(HttpStatusCode.Created, (await voter.PostAsJsonAsync($"/api/ballots/{token}", BallotFor(review, i))).StatusCode);
        }
        var open = await JishiProcess.RunAsync(factory.DatabaseFile, null, "verify-campaign", review.Id.ToString());
        Assert.NotEqual(0, open.ExitCode);
        Assert.Contains("没有编号为", open.Error + open.Output);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/reviews/{review.Id}/close", null)).StatusCode);

        var passed = await JishiProcess.RunAsync(factory.DatabaseFile, null, "verify-campaign", review.Id.ToString());
        Assert.True(passed.ExitCode == 0, passed.Error);
        Assert.Contains("验证通过：5 张加密选票", passed.Output);

        await factory.WithDbAsync(async db =>
        {
            var ballot = await db.Ballots.FirstAsync(b => b.CampaignId == review.Id);
            var altered = WithGradesSwapped(ballot.Sealed);
            return await db.Database.ExecuteSqlAsync($"UPDATE \"SealedBallots\" SET \"Sealed\" = {altered} WHERE \"Id\" = {ballot.Id}");
        });
        var failed = await JishiProcess.RunAsync(factory.DatabaseFile, null, "verify-campaign", review.Id.ToString());
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("验证未通过", failed.Error + failed.Output);
    }
}
