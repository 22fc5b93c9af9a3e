using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jishi.IntegrationTests.Reviews;

/// <summary>Optional rating dimensions: with them a ballot rates every subject on every dimension and a ballot's value
/// is the mean of its dimension values; without them the API is exactly the old one.</summary>
[Collection(ApiCollection.Name)]
public sealed class DimensionTests(JishiFactory factory)
{
    private sealed record DimensionRow(int Id, string Name);
    private sealed record SubjectRow(int Id, string Name);
    private sealed record GroupRow(int Id, string Name);
    private sealed record Review(int Id, string Status, List<SubjectRow> Subjects, List<GroupRow> VoterGroups, List<DimensionRow> Dimensions);
    private sealed record Form(List<SubjectRow> Subjects, List<string> Grades, List<DimensionRow> Dimensions);
    private sealed record Result(int SubjectId, Dictionary<string, int> Counts, double BallotScore, string Band, int Rank);
    private sealed record TokenList(List<string> Tokens);

    private static readonly string[] FiveItems = ["抓党建工作责任落实", "基层组织建设", "党员教育管理", "服务群众", "党风廉政建设"];

    /// <summary>A Draft campaign over the first <paramref name="subjects"/> demo communities, voter groups weighted 1, 2, …</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient admin, int subjects, string[] groups, string[]? dimensions)
    {
        var units = (await admin.GetFromJsonAsync<List<UnitRow>>("/api/units"))!;
        return await admin.PostAsJsonAsync("/api/reviews", new
        {
            title = "分项测评 " + Guid.NewGuid().ToString("N")[..6], year = 2016, meetingDate = "2016-02-13",
            subjects = units.Where(u => u.Kind == "Community").Take(subjects).Select(u => new { unitId = u.Id }),
            voterGroups = groups.Select((g, i) => new { name = g, weight = i + 1.0, headCount = 30 }),
            ballotWeight = 0.4, dimensions,
        });
    }

    private static async Task<Review> CreateAsync(HttpClient admin, int subjects, string[] groups, string[]? dimensions)
    {
        var created = await PostAsync(admin, subjects, groups, dimensions);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<Review>())!;
    }

    private static async Task<List<string>> OpenAndIssueAsync(HttpClient admin, Review review, int group, int count)
    {
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/reviews/{review.Id}/open", null)).StatusCode);
        var issued = await admin.PostAsJsonAsync($"/api/reviews/{review.Id}/tokens", new { voterGroupId = review.VoterGroups[group].Id, count });
        return (await issued.Content.ReadFromJsonAsync<TokenList>())!.Tokens;
    }

    private static object Ratings(Review review, Func<int, int, string> grade) => new
    {
        ratings = review.Subjects.SelectMany((s, i) => review.Dimensions.Select((d, j) => new { subjectId = s.Id, dimensionId = d.Id, grade = grade(i, j) })),
    };

    [Fact]
    public async Task Dimensions_EditableInDraft_FrozenAfterOpen_CopiedAndOnTheForm()
    {
        var admin = await factory.ClientForAsync("admin");
        var review = await CreateAsync(admin, 2, ["社区干部"], [" 甲 ", "乙", ""]);
        Assert.Equal(["甲", "乙"], review.Dimensions.Select(d => d.Name));

        var duplicate = await admin.PutAsJsonAsync($"/api/reviews/{review.Id}/dimensions", new { names = new[] { "甲", "甲" } });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("重复", await duplicate.Content.ReadAsStringAsync());
        var set = await admin.PutAsJsonAsync($"/api/reviews/{review.Id}/dimensions", new { names = FiveItems });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        review = (await set.Content.ReadFromJsonAsync<Review>())!;
        Assert.Equal(FiveItems, review.Dimensions.Select(d => d.Name));
        Assert.Equal(FiveItems, (await admin.GetFromJsonAsync<Review>($"/api/reviews/{review.Id}"))!.Dimensions.Select(d => d.Name));

        var token = (await OpenAndIssueAsync(admin, review, 0, 1))[0];
        var frozen = await admin.PutAsJsonAsync($"/api/reviews/{review.Id}/dimensions", new { names = new[] { "甲" } });
        Assert.Equal(HttpStatusCode.Conflict, frozen.StatusCode);
        var form = (await factory.CreateClient().GetFromJsonAsync<Form>($"/api/ballots/{token}"))!;
        Assert.Equal(review.Dimensions, form.Dimensions);
        // No running tally while voting is open (ADR-015); the close writes one per subject, group, dimension and grade.
        Assert.Equal(0, await factory.WithDbAsync(db => db.BallotTallies.CountAsync(t => t.CampaignId == review.Id)));

        var copied = await admin.PostAsJsonAsync($"/api/reviews/{review.Id}/copy", new { title = "2017年度", year = 2017, meetingDate = "2017-02-10" });
        Assert.Equal(HttpStatusCode.Created, copied.StatusCode);
        var copy = (await copied.Content.ReadFromJsonAsync<Review>())!;
        Assert.Equal(FiveItems, copy.Dimensions.Select(d => d.Name));
        Assert.Empty(copy.Dimensions.Select(d => d.Id).Intersect(review.Dimensions.Select(d => d.Id)));
    }

    [Fact]
    public async Task CastBallot_DimensionMissingUnknownOrAbsent_400NothingStored()
    {
        var admin = await factory.ClientForAsync("admin");
        var review = await CreateAsync(admin, 2, ["社区干部"], ["甲", "乙"]);
        var token = (await OpenAndIssueAsync(admin, review, 0, 1))[0];
        var voter = factory.CreateClient();

        var missing = await voter.PostAsJsonAsync($"/api/ballots/{token}", new
        {
            ratings = Enumerable.Range(0, 3).Select(k => new { subjectId = review.Subjects[k / 2].Id, dimensionId = review.Dimensions[k % 2].Id, grade = "好" }),
        });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains($"{review.Subjects[1].Name}（乙）", await missing.Content.ReadAsStringAsync());

        var withoutDimension = await voter.PostAsJsonAsync($"/api/ballots/{token}",
            new { ratings = review.Subjects.Select(s => new { subjectId = s.Id, grade = "好" }) });
        Assert.Equal(HttpStatusCode.BadRequest, withoutDimension.StatusCode);
        var unknown = await voter.PostAsJsonAsync($"/api/ballots/{token}", new
        {
            ratings = review.Subjects.SelectMany(s => new[] { review.Dimensions[0].Id, -7 }.Select(d => new { subjectId = s.Id, dimensionId = d, grade = "好" })),
        });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var twice = await voter.PostAsJsonAsync($"/api/ballots/{token}", new
        {
            ratings = review.Subjects.SelectMany(s => review.Dimensions.Append(review.Dimensions[0]).Select(d => new { subjectId = s.Id, dimensionId = d.Id, grade = "好" })),
        });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await voter.GetAsync($"/api/ballots/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await voter.PostAsJsonAsync($"/api/ballots/{token}", Ratings(review, (_, _) => "较好"))).StatusCode);
    }

    [Fact]
    public async Task Results_Dimensions_MatchHandComputation()
    {
        var admin = await factory.ClientForAsync("admin");
        var review = await CreateAsync(admin, 2, ["社区干部", "党员代表"], ["甲", "乙", "丙"]);
        var groupA = await OpenAndIssueAsync(admin, review, 0, 2);
        var issued = await admin.PostAsJsonAsync($"/api/reviews/{review.Id}/tokens", new { voterGroupId = review.VoterGroups[1].Id, count = 1 });
        var groupB = (await issued.Content.ReadFromJsonAsync<TokenList>())!.Tokens;
        // grades[ballot][subject][dimension]
        string[][][] grades =
        [
            [["好", "好", "差"], ["一般", "一般", "一般"]],     // group A: 80, 60
            [["较好", "一般", "好"], ["好", "较好", "一般"]],   // group A: 80, 80
            [["差", "差", "一般"], ["好", "好", "好"]],        // group B: 140/3, 100
        ];
        var voter = factory.CreateClient();
        var tokens = groupA.Concat(groupB).ToList();
        for (var b = 0; b < 3; b++)
        {
            var ballot = grades[b];
            var cast = await voter.PostAsJsonAsync($"/api/ballots/{tokens[b]}", Ratings(review, (s, d) => ballot[s][d]));
            Assert.Equal(HttpStatusCode.Created, cast.StatusCode);
        }
        await admin.PostAsync($"/api/reviews/{review.Id}/close", null);
        var results = (await admin.GetFromJsonAsync<List<Result>>($"/api/reviews/{review.Id}/results"))!;

        // Subject 1: group A (weight 1) mean 80, group B (weight 2) 140/3 → (80 + 280/3) / 3 = 520/9.
        var first = results.Single(r => r.SubjectId == review.Subjects[0].Id);
        Assert.Equal(520.0 / 9, first.BallotScore, 9);
        Assert.Equal("差", first.Band);
        Assert.Equal(2, first.Rank);
        // Every rating counts: 3 ballots × 3 dimensions.
        Assert.Equal(new Dictionary<string, int> { ["好"] = 3, ["较好"] = 1, ["一般"] = 2, ["差"] = 3 }, first.Counts);
        // Subject 2: group A (60 + 80) / 2 = 70, group B 100 → (70 + 200) / 3 = 90.
        var second = results.Single(r => r.SubjectId == review.Subjects[1].Id);
        Assert.Equal(90, second.BallotScore, 9);
        Assert.Equal("好", second.Band);
        Assert.Equal(1, second.Rank);
    }

    [Fact]
    public async Task NoDimensions_OldContract_DimensionIdRefused()
    {
        var admin = await factory.ClientForAsync("admin");
        var review = await CreateAsync(admin, 2, ["社区干部"], null);
        Assert.Empty(review.Dimensions);
        var tokens = await OpenAndIssueAsync(admin, review, 0, 2);
        var voter = factory.CreateClient();
        var form = await voter.GetStringAsync($"/api/ballots/{tokens[0]}");
        Assert.Contains("\"dimensions\":[]", form);

        var withDimension = await voter.PostAsJsonAsync($"/api/ballots/{tokens[0]}",
            new { ratings = review.Subjects.Select(s => new { subjectId = s.Id, dimensionId = 1, grade = "好" }) });
        Assert.Equal(HttpStatusCode.BadRequest, withDimension.StatusCode);
        Assert.Contains("不分测评项目", await withDimension.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, (await voter.PostAsJsonAsync($"/api/ballots/{tokens[0]}",
            new { ratings = review.Subjects.Select(s => new { subjectId = s.Id, grade = "好" }) })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await voter.PostAsJsonAsync($"/api/ballots/{tokens[1]}",
            new { ratings = review.Subjects.Select(s => new { subjectId = s.Id, dimensionId = (int?)null, grade = "差" }) })).StatusCode);

        await admin.PostAsync($"/api/reviews/{review.Id}/close", null);
        var results = (await admin.GetFromJsonAsync<List<Result>>($"/api/reviews/{review.Id}/results"))!;
        Assert.All(results, r => Assert.Equal(70, r.BallotScore, 9));
        Assert.All(results, r => Assert.Equal(2, r.Counts.Values.Sum()));
    }

    [Fact]
    public async Task CreateReview_TooManyDimensions_400()
    {
        var admin = await factory.ClientForAsync("admin");
        var refused = await PostAsync(admin, 1, ["社区干部"], Enumerable.Range(1, 11).Select(i => $"项目{i}").ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("不能超过 10 个", await refused.Content.ReadAsStringAsync());
    }
}
