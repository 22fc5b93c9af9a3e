using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Jishi.IntegrationTests.Reviews.ReviewApi;

namespace Jishi.IntegrationTests.Reviews;

/// <summary>ADR-015: no order in the stored ballots follows the order in which they were cast — not the key, not the row's
/// place in the table, not (on PostgreSQL) the transaction that wrote it — while voting is open and after the tally.</summary>
[Collection(ApiCollection.Name)]
public sealed class BallotOrderTests(JishiFactory factory, ITestOutputHelper output)
{
    private sealed record CastReceipt(string Receipt);

    /// <summary>Kendall's tau: for 60 ballots in random order its spread is about 0.09, so 0.3 is more than three spreads
    /// away, while any order that follows casting gives 1.</summary>
    private const double Threshold = 0.3;

    [Fact]
    public async Task Order_SixtyBallotsCastOneByOne_NoStoredOrderFollowsCasting()
    {
        var admin = await factory.ClientForAsync("admin");
        var review = await CreateOpenAsync(admin, "顺序测试 " + Guid.NewGuid().ToString("N")[..6], 2, "党员代表");
        var tokens = await IssueAsync(admin, review, 0, 60);
        var voter = factory.CreateClient();
        var cast = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var response = await voter.PostAsJsonAsync($"/api/ballots/{tokens[i]}", BallotFor(review, i));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            cast.Add((await response.Content.ReadFromJsonAsync<CastReceipt>())!.Receipt);
        }

        var id = review.Id;
        var orders = new Dictionary<string, string>
        {
            ["key"] = $"SELECT \"Receipt\" AS \"Value\" FROM \"SealedBallots\" WHERE \"CampaignId\" = {id} ORDER BY \"Id\"",
            ["receipt"] = $"SELECT \"Receipt\" AS \"Value\" FROM \"SealedBallots\" WHERE \"CampaignId\" = {id} ORDER BY \"Receipt\"",
        };
        if (!factory.IsPostgres)
        {
            orders["rowid"] = $"SELECT \"Receipt\" AS \"Value\" FROM \"SealedBallots\" WHERE \"CampaignId\" = {id} ORDER BY rowid";
            orders["scan"] = $"SELECT \"Receipt\" AS \"Value\" FROM \"SealedBallots\" WHERE \"CampaignId\" = {id}";
        }
        // While voting is open PostgreSQL's heap holds the rows in the order of their batches (ADR-015, "What remains");
        // the tally rewrites them, checked below.
        await AssertNoOrderFollowsAsync(cast, orders, "open");

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/reviews/{id}/close", null)).StatusCode);
        if (factory.IsPostgres)
        {
            orders["ctid"] = $"SELECT \"Receipt\" AS \"Value\" FROM \"SealedBallots\" WHERE \"CampaignId\" = {id} ORDER BY ctid";
            orders["scan"] = $"SELECT \"Receipt\" AS \"Value\" FROM \"SealedBallots\" WHERE \"CampaignId\" = {id}";
            // Every ballot written by the tally's transaction: the transaction id of a row no longer tells when it was cast.
            Assert.Equal(1, await factory.WithDbAsync(db => db.Database
                .SqlQuery<string>($"SELECT DISTINCT xmin::text AS \"Value\" FROM \"SealedBallots\" WHERE \"CampaignId\" = {id}").CountAsync()));
        }
        await AssertNoOrderFollowsAsync(cast, orders, "tallied");
    }

    [Fact]
    public async Task Receipt_SameGradesTwice_TwoTrackersEachTheHashOfItsSealedBallot()
    {
        var admin = await factory.ClientForAsync("admin");
        var review = await CreateOpenAsync(admin, "回执测试 " + Guid.NewGuid().ToString("N")[..6], 2, "党员代表");
        var voter = factory.CreateClient();
        var receipts = new List<string>();
        foreach (var token in await IssueAsync(admin, review, 0, 2))
        {
            var response = await voter.PostAsJsonAsync($"/api/ballots/{token}", BallotAll(review, "好"));
            receipts.Add((await response.Content.ReadFromJsonAsync<CastReceipt>())!.Receipt);
        }
        // The same grades give unrelated receipts: a receipt says nothing of the grades, so showing it proves nothing.
        Assert.NotEqual(receipts[0], receipts[1]);
        Assert.All(receipts, r => Assert.Matches("^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$", r));
        var stored = await factory.WithDbAsync(db => db.Ballots.Where(b => b.CampaignId == review.Id).Select(b => new { b.Receipt, b.Sealed }).ToListAsync());
        Assert.Equal(receipts.Order(), stored.Select(b => b.Receipt).Order());
        Assert.All(stored, b => Assert.Equal(Jishi.Web.Features.Reviews.SealedBallot.Tracker(b.Sealed), b.Receipt));
    }

    private async Task AssertNoOrderFollowsAsync(List<string> cast, Dictionary<string, string> orders, string when)
    {
        var rank = cast.Select((r, i) => (r, i)).ToDictionary(p => p.r, p => p.i);
        foreach (var (name, sql) in orders)
        {
            var stored = await factory.WithDbAsync(db => db.Database.SqlQueryRaw<string>(sql).ToListAsync());
            Assert.Equal(cast.Count, stored.Count);
            var tau = KendallTau(stored.Select(r => rank[r]).ToList());
            output.WriteLine($"{when}, {name} order: tau = {tau:F3}");
            Assert.True(Math.Abs(tau) <= Threshold, $"{when}: the {name} order follows the order of casting (tau = {tau:F3})");
        }
    }

    /// <summary>Kendall's tau between the stored order (the list's order) and the cast order (the values).</summary>
    private static double KendallTau(IReadOnlyList<int> castIndexInStoredOrder)
    {
        var n = castIndexInStoredOrder.Count;
        var score = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                score += Math.Sign(castIndexInStoredOrder[j] - castIndexInStoredOrder[i]);
            }
        }
        return score / (n * (n - 1) / 2.0);
    }
}
