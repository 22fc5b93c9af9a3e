using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Data;
using Jishi.Web.Features.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jishi.IntegrationTests.Reviews.ReviewApi;

namespace Jishi.IntegrationTests.Reviews;

[Collection(ApiCollection.Name)]
public sealed class BallotTests(JishiFactory factory)
{
    private sealed record Result(int SubjectId, string Name, Dictionary<string, int> Counts, double BallotScore, double? DailyScore,
        double CompositeScore, string Band, int Rank);
    private sealed record TurnoutRow(int Issued, int Cast);

    private async Task<(HttpClient Admin, Review Review)> NewOpenReviewAsync(params string[] groups)
    {
        var admin = await factory.ClientForAsync("admin");
        return (admin, await CreateOpenAsync(admin, "测试评议 " + Guid.NewGuid().ToString("N")[..6], 9, groups));
    }

    [Fact]
    public async Task CastBallot_90ConcurrentPlus30Repeats_Exactly90AcceptedAndCountsExact()
    {
        var (admin, review) = await NewOpenReviewAsync("街道党工委成员", "社区干部", "各站所负责人");
        var tokens = new List<string>();
        for (var g = 0; g < 3; g++)
        {
            tokens.AddRange(await IssueAsync(admin, review, g, 30));
        }
        var voter = factory.CreateClient();
        var attempts = tokens.Select((t, i) => (Token: t, Seed: i)).Concat(tokens.Take(30).Select((t, i) => (Token: t, Seed: i + 1)))
            .Select(a => voter.PostAsJsonAsync($"/api/ballots/{a.Token}", BallotFor(review, a.Seed)));
        var answers = await Task.WhenAll(attempts);

        Assert.Equal(90, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(30, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        var turnout = await admin.GetFromJsonAsync<TurnoutRow>($"/api/reviews/{review.Id}/turnout");
        Assert.Equal(new TurnoutRow(90, 90), turnout);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/reviews/{review.Id}/close", null)).StatusCode);
        var results = await admin.GetFromJsonAsync<List<Result>>($"/api/reviews/{review.Id}/results");
        Assert.Equal(9, results!.Count);
        Assert.All(results, r => Assert.Equal(90, r.Counts.Values.Sum()));
        Assert.Equal(90 * 9, results.Sum(r => r.Counts.Values.Sum()));

        // The tallies were decrypted from the sums of the sealed ballots at the close: checked without a key, they hold.
        using (var scope = factory.Services.CreateScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<VerifyCampaign>().CheckStoredAsync(review.Id, default);
            Assert.True(report!.Ok, string.Join("\n", report.Problems));
            Assert.Equal(90, report.Ballots);
        }
        // The writer stores ballots with plain SQL: EF must read back exactly what it would have written itself.
        var ballots = await factory.WithDbAsync(db => db.Ballots.AsNoTracking().Where(b => b.CampaignId == review.Id).ToListAsync());
        Assert.Equal(90, ballots.Count);
        Assert.All(ballots, b => Assert.Equal(9 * SealedBallot.ChoiceLength, b.Sealed.Length));
        Assert.All(ballots, b => Assert.Equal(SealedBallot.Tracker(b.Sealed), b.Receipt));
        Assert.Equal(90, ballots.Select(b => b.Receipt).Distinct().Count());
        Assert.True(await factory.WithDbAsync(db => db.Ballots.AnyAsync(b => b.Id == ballots[0].Id && b.CastOn == ballots[0].CastOn)));
    }

    [Fact]
    public async Task CastBallot_UsedToken_409AndFormSays已投票()
    {
        var (admin, review) = await NewOpenReviewAsync("社区干部");
        var token = (await IssueAsync(admin, review, 0, 1))[0];
        var voter = factory.CreateClient();
        var first = await voter.PostAsJsonAsync($"/api/ballots/{token}", BallotFor(review, 0));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Matches("^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$", (await first.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["receipt"]);
        var form = await voter.GetAsync($"/api/ballots/{token}");
        Assert.Equal(HttpStatusCode.Conflict, form.StatusCode);
        Assert.Contains("已投票", await form.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CastBallot_MissingOrUnknownSubjectOrGrade_400NothingStored()
    {
        var (admin, review) = await NewOpenReviewAsync("社区干部");
        var token = (await IssueAsync(admin, review, 0, 1))[0];
        var voter = factory.CreateClient();
        var missing = await voter.PostAsJsonAsync($"/api/ballots/{token}",
            new { ratings = review.Subjects.Skip(1).Select(s => new { subjectId = s.Id, grade = "好" }) });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("没有评价", await missing.Content.ReadAsStringAsync());
        var badGrade = await voter.PostAsJsonAsync($"/api/ballots/{token}",
            new { ratings = review.Subjects.Select(s => new { subjectId = s.Id, grade = "优秀" }) });
        Assert.Equal(HttpStatusCode.BadRequest, badGrade.StatusCode);
        var unknown = await voter.PostAsJsonAsync($"/api/ballots/{token}",
            new { ratings = review.Subjects.Select(s => new { subjectId = s.Id, grade = "好" }).Append(new { subjectId = -5, grade = "好" }) });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        // The token is still good after refused attempts.
        Assert.Equal(HttpStatusCode.OK, (await voter.GetAsync($"/api/ballots/{token}")).StatusCode);
    }

    [Fact]
    public async Task CastBallot_DraftOrClosedCampaign_409()
    {
        var (admin, review) = await NewOpenReviewAsync("社区干部");
        var token = (await IssueAsync(admin, review, 0, 2));
        var voter = factory.CreateClient();
        // The form is read (and cached) while open; closing must stop both the form and the ballot at once.
        Assert.Equal(HttpStatusCode.OK, (await voter.GetAsync($"/api/ballots/{token[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/reviews/{review.Id}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await voter.GetAsync($"/api/ballots/{token[0]}")).StatusCode);
        var closed = await voter.PostAsJsonAsync($"/api/ballots/{token[0]}", BallotFor(review, 0));
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/reviews/{review.Id}/open", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await voter.GetAsync("/api/ballots/NOSUCHTOKEN1")).StatusCode);
    }

    [Fact]
    public async Task CastBallot_ClosedByAnotherServerWhileFormCached_409NothingStored()
    {
        var (admin, review) = await NewOpenReviewAsync("社区干部");
        var token = (await IssueAsync(admin, review, 0, 1))[0];
        var voter = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await voter.GetAsync($"/api/ballots/{token}")).StatusCode);
        // Another instance closes voting: this server's cached form does not know, the writer's check must.
        await factory.WithDbAsync(db => db.ReviewCampaigns.Where(c => c.Id == review.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, Jishi.Web.Features.Reviews.ReviewStatus.Closed)));
        var refused = await voter.PostAsJsonAsync($"/api/ballots/{token}", BallotFor(review, 0));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Ballots.CountAsync(b => b.CampaignId == review.Id)));
        Assert.False(await factory.WithDbAsync(db => db.BallotTokens.AnyAsync(t => t.CampaignId == review.Id && t.Used)));
    }

    [Fact]
    public async Task Results_BeforeClose_409_AfterPublish_Ranked()
    {
        var (admin, review) = await NewOpenReviewAsync("社区干部");
        Assert.Equal(HttpStatusCode.Conflict, (await admin.GetAsync($"/api/reviews/{review.Id}/results")).StatusCode);
        var token = (await IssueAsync(admin, review, 0, 1))[0];
        await factory.CreateClient().PostAsJsonAsync($"/api/ballots/{token}", BallotFor(review, 0));
        var daily = await admin.PutAsJsonAsync($"/api/reviews/{review.Id}/subjects/{review.Subjects[0].Id}/daily-score", new { score = 100 });
        Assert.Equal(HttpStatusCode.OK, daily.StatusCode);
        var outOfRange = await admin.PutAsJsonAsync($"/api/reviews/{review.Id}/subjects/{review.Subjects[0].Id}/daily-score", new { score = 101 });
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        await admin.PostAsync($"/api/reviews/{review.Id}/close", null);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/reviews/{review.Id}/publish", null)).StatusCode);
        var results = (await admin.GetFromJsonAsync<List<Result>>($"/api/reviews/{review.Id}/results"))!;
        var first = results.Single(r => r.SubjectId == review.Subjects[0].Id);
        Assert.Equal(100, first.BallotScore, 9);
        Assert.Equal(100, first.CompositeScore, 9);
        Assert.Equal("好", first.Band);
        Assert.Equal(1, first.Rank);
    }

    [Fact]
    public async Task Schema_BallotRowsCannotBeJoinedToTokens()
    {
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JishiDbContext>();
        var ballot = db.Model.FindEntityType(typeof(Jishi.Web.Features.Reviews.Ballot))!;
        var token = db.Model.FindEntityType(typeof(Jishi.Web.Features.Reviews.BallotToken))!;
        Assert.DoesNotContain(ballot.GetForeignKeys(), fk => fk.PrincipalEntityType == token);
        Assert.DoesNotContain(token.GetForeignKeys(), fk => fk.PrincipalEntityType == ballot);
        // No instant on either side: only the day of casting is kept, and a token only knows whether it was used.
        Assert.DoesNotContain(ballot.GetProperties(), p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?));
        Assert.DoesNotContain(token.GetProperties(), p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?));
        Assert.Equal(["CampaignId", "Hash", "Id", "Used", "VoterGroupId"], token.GetProperties().Select(p => p.Name).Order());
        // And casting leaves no audit trail that could line a ballot up with a token.
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Entity == "Ballot" || a.Entity == "BallotToken" || a.Entity == "BallotRating"));
    }

    [Fact]
    public async Task CommentVetoReceipts_AfterPublish_PublishedListAndReceiptPageHoldEveryReceipt()
    {
        var (admin, review) = await NewOpenReviewAsync("社区干部");
        var tokens = await IssueAsync(admin, review, 0, 3);
        var voter = factory.CreateClient();
        var receipts = new List<string>();
        foreach (var t in tokens)
        {
            var answer = await voter.PostAsJsonAsync($"/api/ballots/{t}", BallotFor(review, 0));
            receipts.Add((await answer.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["receipt"]);
        }
        Assert.Equal(HttpStatusCode.Conflict, (await voter.GetAsync($"/api/reviews/{review.Id}/receipts")).StatusCode);
        var subject = review.Subjects[1];
        var comment = await admin.PutAsJsonAsync($"/api/reviews/{review.Id}/subjects/{subject.Id}/comment", new { text = "  抓党建思路清晰，但发展党员工作滞后。 " });
        Assert.Equal("抓党建思路清晰，但发展党员工作滞后。", (await comment.Content.ReadFromJsonAsync<SubjectRow>())!.Comment);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/reviews/{review.Id}/subjects/{subject.Id}/veto", new { veto = true })).StatusCode);
        await admin.PostAsync($"/api/reviews/{review.Id}/close", null);
        // Closed is not yet published: the list goes out with the results.
        Assert.Equal(HttpStatusCode.Conflict, (await voter.GetAsync($"/api/reviews/{review.Id}/receipts")).StatusCode);
        Assert.Contains("名单中没有", await voter.GetStringAsync($"/receipt?code={receipts[0]}"));
        await admin.PostAsync($"/api/reviews/{review.Id}/publish", null);

        var page = await voter.GetStringAsync($"/receipt?code={receipts[0].ToLowerInvariant()}");
        Assert.Contains("已计入", page);
        Assert.Contains(review.Title, page);
        var published = await voter.GetFromJsonAsync<List<string>>($"/api/reviews/{review.Id}/receipts");
        Assert.Equal(receipts.Order(), published);
        var results = (await admin.GetFromJsonAsync<List<Result>>($"/api/reviews/{review.Id}/results"))!;
        Assert.Equal("差", results.Single(r => r.SubjectId == subject.Id).Band);

        await admin.PostAsync($"/api/reviews/{review.Id}/publish", null);
        var late = await admin.PutAsJsonAsync($"/api/reviews/{review.Id}/subjects/{subject.Id}/comment", new { text = "改" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task CreateReview_PoorIsZero_ResultsUseTheCampaignScale_BadScaleRefused()
    {
        var admin = await factory.ClientForAsync("admin");
        var units = (await admin.GetFromJsonAsync<List<UnitRow>>("/api/units"))!.Where(u => u.Kind == "Community").Take(1).Select(u => new { unitId = u.Id });
        object Body(object scale) => new
        {
            title = "差为零", year = 2016, meetingDate = "2016-02-13", subjects = units,
            voterGroups = new[] { new { name = "社区干部", weight = 1.0, headCount = 2 } }, ballotWeight = 0.4, scale,
        };
        var refused = await admin.PostAsJsonAsync("/api/reviews", Body(new { good = 60, poor = 80 }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("递减", await refused.Content.ReadAsStringAsync());

        var created = await admin.PostAsJsonAsync("/api/reviews", Body(new { poor = 0 }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var review = (await created.Content.ReadFromJsonAsync<Review>())!;
        await admin.PostAsync($"/api/reviews/{review.Id}/open", null);
        var tokens = await IssueAsync(admin, review, 0, 2);
        var voter = factory.CreateClient();
        await voter.PostAsJsonAsync($"/api/ballots/{tokens[0]}", BallotAll(review, "好"));
        await voter.PostAsJsonAsync($"/api/ballots/{tokens[1]}", BallotAll(review, "差"));
        await admin.PostAsync($"/api/reviews/{review.Id}/close", null);
        var result = Assert.Single((await admin.GetFromJsonAsync<List<Result>>($"/api/reviews/{review.Id}/results"))!);
        Assert.Equal(50, result.BallotScore, 9);
    }

    [Fact]
    public async Task CopyReview_LastYears_SameSubjectsGroupsAndScaleInDraft()
    {
        var (admin, review) = await NewOpenReviewAsync("社区干部", "各站所负责人");
        var copied = await admin.PostAsJsonAsync($"/api/reviews/{review.Id}/copy", new { title = "2017年度述职评议", year = 2017, meetingDate = "2017-02-10" });
        Assert.Equal(HttpStatusCode.Created, copied.StatusCode);
        var copy = (await copied.Content.ReadFromJsonAsync<Review>())!;
        Assert.NotEqual(review.Id, copy.Id);
        Assert.Equal("Draft", copy.Status);
        Assert.Equal(2017, copy.Year);
        Assert.Equal(review.Subjects.Select(s => s.UnitId), copy.Subjects.Select(s => s.UnitId));
        Assert.Equal(review.VoterGroups.Select(g => (g.Name, g.Weight, g.HeadCount)), copy.VoterGroups.Select(g => (g.Name, g.Weight, g.HeadCount)));
    }

    [Fact]
    public async Task CreateReview_SubjectByMember_NamedAfterTheMemberOnTheirCommunity()
    {
        var admin = await factory.ClientForAsync("admin");
        var community = await factory.CommunityOfAsync("sq02");
        var other = await factory.CommunityOfAsync("sq03");
        var branch = (await factory.BranchesOfAsync(community.Id))[0];
        var member = await factory.WithDbAsync(db => db.Members.AsNoTracking().FirstAsync(m => m.UnitId == branch.Id));
        var created = await admin.PostAsJsonAsync("/api/reviews", new
        {
            title = "按党员指定述职对象", year = 2016, meetingDate = "2016-02-13",
            subjects = new object[] { new { memberId = member.Id }, new { memberId = member.Id, unitId = branch.Id }, new { unitId = other.Id } },
            voterGroups = new[] { new { name = "社区干部", weight = 1.0, headCount = 10 } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var review = (await created.Content.ReadFromJsonAsync<Review>())!;
        Assert.Equal([(member.Name, community.Id), (member.Name, branch.Id), (other.SecretaryName!, other.Id)],
            review.Subjects.Select(s => (s.Name, s.UnitId)));

        var unknown = await admin.PostAsJsonAsync("/api/reviews", new
        {
            title = "x", year = 2016, meetingDate = "2016-02-13", subjects = new[] { new { memberId = int.MaxValue } },
            voterGroups = new[] { new { name = "社区干部", weight = 1.0, headCount = 10 } },
        });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var twice = await admin.PostAsJsonAsync("/api/reviews", new
        {
            title = "x", year = 2016, meetingDate = "2016-02-13", subjects = new object[] { new { memberId = member.Id }, new { unitId = community.Id } },
            voterGroups = new[] { new { name = "社区干部", weight = 1.0, headCount = 10 } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("每个单位", await twice.Content.ReadAsStringAsync());
    }
}
