using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Features.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jishi.IntegrationTests.Reviews.ReviewApi;

namespace Jishi.IntegrationTests.Reviews;

/// <summary>ADR-015's lines that an API can show: a campaign with trustees cannot be tallied without every share, the server
/// keeps no share of a person, nothing counts up before the close, no plaintext rating is stored, and a stored ballot that
/// was altered fails <see cref="VerifyCampaign"/>.</summary>
[Collection(ApiCollection.Name)]
public sealed class SealedBallotTests(JishiFactory factory)
{
    private sealed record Trustee(int Id, string Name, string? Share);
    private sealed record Result(int SubjectId, Dictionary<string, int> Counts);

    [Fact]
    public async Task Trustees_CloseWithoutEveryShare409_WithThem200SameCountsAndVerifies()
    {
        var admin = await factory.ClientForAsync("admin");
        var review = await CreateDraftAsync(admin, "监票测试 " + Guid.NewGuid().ToString("N")[..6], 3, "党工委成员");
        var trustees = new List<Trustee>();
        foreach (var name in new[] { "书记", "纪检委员" })
        {
            var added = await admin.PostAsJsonAsync($"/api/reviews/{review.Id}/trustees", new { name });
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
            trustees.Add((await added.Content.ReadFromJsonAsync<Trustee>())!);
        }
        Assert.All(trustees, t => Assert.Matches("^([2-9A-Z]{4}-){13}[2-9A-Z]{4}$", t.Share!));
        // The server keeps the public part only.
        Assert.True(await factory.WithDbAsync(db => db.ReviewTrustees.Where(t => t.CampaignId == review.Id).AllAsync(t => t.ServerSecret == null)));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/reviews/{review.Id}/open", null)).StatusCode);

        var tokens = await IssueAsync(admin, review, 0, 6);
        var voter = factory.CreateClient();
        var grades = new[] { "好", "好", "较好", "一般", "好", "差" };
        for (var i = 0; i < tokens.Count; i++)
        {
            var ballot = new { ratings = review.Subjects.Select(s => new { subjectId = s.Id, grade = grades[i] }) };
            Assert.Equal(HttpStatusCode.Created, (await voter.PostAsJsonAsync($"/api/ballots/{tokens[i]}", ballot)).StatusCode);
        }
        // Nothing counts up while voting is open: a copy of the database between two ballots shows no grade.
        Assert.Equal(0, await factory.WithDbAsync(db => db.BallotTallies.CountAsync(t => t.CampaignId == review.Id)));

        var none = await admin.PostAsync($"/api/reviews/{review.Id}/close", null);
        Assert.Equal(HttpStatusCode.Conflict, none.StatusCode);
        Assert.Contains("纪检委员", await none.Content.ReadAsStringAsync());
        var one = await admin.PostAsJsonAsync($"/api/reviews/{review.Id}/close", new { shares = new[] { trustees[0].Share } });
        Assert.Equal(HttpStatusCode.Conflict, one.StatusCode);
        var typo = await admin.PostAsJsonAsync($"/api/reviews/{review.Id}/close",
            new { shares = new[] { trustees[0].Share, Mistyped(trustees[1].Share!) } });
        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
        Assert.Contains("校验不符", await typo.Content.ReadAsStringAsync());
        // Refused closes leave voting open.
        Assert.Equal("Open", (await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/reviews/{review.Id}")).GetProperty("status").GetString());

        // Lower case and without dashes, in any order: as typed from the paper.
        var closed = await admin.PostAsJsonAsync($"/api/reviews/{review.Id}/close",
            new { shares = new[] { trustees[1].Share!.Replace("-", "").ToLowerInvariant(), trustees[0].Share } });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var results = (await admin.GetFromJsonAsync<List<Result>>($"/api/reviews/{review.Id}/results"))!;
        Assert.All(results, r => Assert.Equal(new Dictionary<string, int> { ["好"] = 3, ["较好"] = 1, ["一般"] = 1, ["差"] = 1 }, r.Counts));
        // The token key is gone with the close: no printed code finds its row any more.
        Assert.Null(await factory.WithDbAsync(db => db.ReviewCampaigns.Where(c => c.Id == review.Id).Select(c => c.TokenKey).SingleAsync()));

        using var scope = factory.Services.CreateScope();
        var verifier = scope.ServiceProvider.GetRequiredService<VerifyCampaign>();
        var report = await verifier.CheckStoredAsync(review.Id, default);
        Assert.True(report!.Ok, string.Join("\n", report.Problems));
        Assert.Equal(6, report.Ballots);
    }

    [Fact]
    public async Task ServerKey_SecretDestroyedAtTheTally_AlteredBallotFailsVerification()
    {
        var admin = await factory.ClientForAsync("admin");
        var review = await CreateOpenAsync(admin, "服务器密钥 " + Guid.NewGuid().ToString("N")[..6], 2, "社区干部");
        Assert.True(await factory.WithDbAsync(db => db.ReviewTrustees.AnyAsync(t => t.CampaignId == review.Id && t.ServerSecret != null)));
        var tokens = await IssueAsync(admin, review, 0, 2);
        var voter = factory.CreateClient();
        foreach (var token in tokens)
        {
            Assert.Equal(HttpStatusCode.Created, (await voter.PostAsJsonAsync($"/api/ballots/{token}", BallotFor(review, 1))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/reviews/{review.Id}/close", null)).StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.ReviewTrustees.AnyAsync(t => t.CampaignId == review.Id && t.ServerSecret != null)));
        // A late voter: a code of the closed campaign still answers "ended" (409, API.md), though its row can no longer be found.
        Assert.Equal(HttpStatusCode.Conflict, (await voter.GetAsync($"/api/ballots/{tokens[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await voter.PostAsJsonAsync($"/api/ballots/{tokens[1].ToLowerInvariant()}", BallotFor(review, 1))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await voter.GetAsync("/api/ballots/ZZZZ2222ZZZZ")).StatusCode);

        using var scope = factory.Services.CreateScope();
        var verifier = scope.ServiceProvider.GetRequiredService<VerifyCampaign>();
        Assert.True((await verifier.CheckStoredAsync(review.Id, default))!.Ok);
        // Swap two grade ciphertexts of one rating in a stored ballot (as a forger would to move a vote): the proofs fail.
        await factory.WithDbAsync(async db =>
        {
            var ballot = await db.Ballots.FirstAsync(b => b.CampaignId == review.Id);
            var bytes = WithGradesSwapped(ballot.Sealed);
            return await db.Database.ExecuteSqlAsync($"UPDATE \"SealedBallots\" SET \"Sealed\" = {bytes} WHERE \"Id\" = {ballot.Id}");
        });
        var altered = (await verifier.CheckStoredAsync(review.Id, default))!;
        Assert.False(altered.Ok);
        Assert.NotEmpty(altered.Problems);
    }

    private static string Mistyped(string share) =>
        share[..^1] + (share[^1] == '2' ? '3' : '2');
}
