using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using static Jishi.IntegrationTests.Reviews.ReviewApi;

namespace Jishi.IntegrationTests.Reviews;

/// <summary>Paper ballots keyed twice (ADR-006): only two agreeing keyings by two different people cast a ballot, through
/// the same path as a phone, and nothing links the token to the ratings once it counts.</summary>
[Collection(ApiCollection.Name)]
public sealed class PaperBallotTests(JishiFactory factory)
{
    private sealed record TurnoutRow(int Issued, int Cast);
    private sealed record EntryAnswer(string Status, string? Receipt);
    private sealed record Backlog(int AwaitingSecondEntry, int Conflicts);

    /// <summary>An open campaign of 9 subjects, the admin and a second street-admin account.</summary>
    private async Task<(HttpClient First, HttpClient Second, Review Review)> NewOpenReviewAsync()
    {
        var admin = await factory.ClientForAsync("admin");
        var review = await CreateOpenAsync(admin, "纸质票 " + Guid.NewGuid().ToString("N")[..6], 9, "社区干部");
        return (admin, await NewStaffAsync(), review);
    }

    /// <summary>Another street-admin account, at the admin's street.</summary>
    private async Task<HttpClient> NewStaffAsync() => await factory.ClientForNewAccountAsync(Roles.StreetAdmin,
        await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "admin").Select(u => u.UnitId).SingleAsync()));

    private static Task<HttpResponseMessage> EnterAsync(HttpClient staff, Review review, string token, IEnumerable<object> ratings) =>
        staff.PostAsJsonAsync($"/api/reviews/{review.Id}/paper-entries", new { token, ratings });

    /// <summary>The ratings of <see cref="BallotFor"/>: grades cycling from <paramref name="seed"/>.</summary>
    private static IEnumerable<object> Cycle(Review review, int seed) =>
        review.Subjects.Select((s, i) => new { subjectId = s.Id, grade = GradeNames[(seed + i) % 4] });

    private static IEnumerable<object> All(Review review, string grade) => review.Subjects.Select(s => new { subjectId = s.Id, grade });

    /// <summary>How many ballots and how many pending paper keyings the campaign has in the database.</summary>
    private async Task AssertStoredAsync(Review review, int ballots, int entries) =>
        Assert.Equal((ballots, entries), await factory.WithDbAsync(async db => (
            await db.Ballots.CountAsync(b => b.CampaignId == review.Id),
            await db.PaperEntries.CountAsync(e => e.CampaignId == review.Id))));

    private static async Task AssertConflictAsync(HttpResponseMessage response, string says)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(says, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PaperEntry_TwoStaffAgree_OneBallotTokenSpentNoEntryLeft()
    {
        var (first, second, review) = await NewOpenReviewAsync();
        var token = (await IssueAsync(first, review, 0, 1))[0];

        var once = await EnterAsync(first, review, token, All(review, "较好"));
        Assert.Equal(HttpStatusCode.Accepted, once.StatusCode);
        Assert.Equal("AwaitingSecondEntry", (await once.Content.ReadFromJsonAsync<EntryAnswer>())!.Status);
        Assert.Equal(new Backlog(1, 0), await second.GetFromJsonAsync<Backlog>($"/api/reviews/{review.Id}/paper-entries"));
        await AssertStoredAsync(review, 0, 1);

        // Keyed with the gaps printed on the paper, in lower case: the same code.
        var spaced = string.Join(" ", token.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        var twice = await EnterAsync(second, review, spaced, All(review, "较好"));
        Assert.Equal(HttpStatusCode.Created, twice.StatusCode);
        var accepted = (await twice.Content.ReadFromJsonAsync<EntryAnswer>())!;
        Assert.Equal("Accepted", accepted.Status);
        Assert.Matches("^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$", accepted.Receipt);

        await AssertStoredAsync(review, 1, 0);
        Assert.Equal(new TurnoutRow(1, 1), await first.GetFromJsonAsync<TurnoutRow>($"/api/reviews/{review.Id}/turnout"));
        Assert.Equal(HttpStatusCode.Conflict, (await factory.CreateClient().GetAsync($"/api/ballots/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.PostAsync($"/api/reviews/{review.Id}/close", null)).StatusCode);
        var results = (await first.GetFromJsonAsync<List<ResultRow>>($"/api/reviews/{review.Id}/results"))!;
        Assert.All(results, r => Assert.Equal(1, r.Counts["较好"]));
        Assert.All(results, r => Assert.Equal(1, r.Counts.Values.Sum()));
    }

    private sealed record ResultRow(int SubjectId, Dictionary<string, int> Counts);

    [Fact]
    public async Task PaperEntry_SameUserTwice_409AndStillWaiting()
    {
        var (first, _, review) = await NewOpenReviewAsync();
        var token = (await IssueAsync(first, review, 0, 1))[0];
        Assert.Equal(HttpStatusCode.Accepted, (await EnterAsync(first, review, token, Cycle(review, 0))).StatusCode);

        var again = await EnterAsync(first, review, token, Cycle(review, 0));
        await AssertConflictAsync(again, "须由另一名工作人员录入");
        await AssertStoredAsync(review, 0, 1);
    }

    [Fact]
    public async Task PaperEntry_Disagreement_409NamesSubjectsNoBallot_ThirdMatchingEntryAccepted()
    {
        var (first, second, review) = await NewOpenReviewAsync();
        var third = await NewStaffAsync();
        var token = (await IssueAsync(first, review, 0, 1))[0];
        var keyed = review.Subjects.Select(s => new { subjectId = s.Id, grade = "好" }).ToList();
        var misread = keyed.Select((r, i) => i is 2 or 5 ? r with { grade = "差" } : r).ToList();

        Assert.Equal(HttpStatusCode.Accepted, (await EnterAsync(first, review, token, keyed)).StatusCode);
        var differ = await EnterAsync(second, review, token, misread);
        Assert.Equal(HttpStatusCode.Conflict, differ.StatusCode);
        var detail = await differ.Content.ReadAsStringAsync();
        Assert.Contains(review.Subjects[2].Name, detail);
        Assert.Contains(review.Subjects[5].Name, detail);
        Assert.DoesNotContain(review.Subjects[0].Name, detail);
        await AssertStoredAsync(review, 0, 2);
        Assert.Equal(new Backlog(0, 1), await third.GetFromJsonAsync<Backlog>($"/api/reviews/{review.Id}/paper-entries"));

        var settled = await EnterAsync(third, review, token, keyed);
        Assert.Equal(HttpStatusCode.Created, settled.StatusCode);
        await AssertStoredAsync(review, 1, 0);
        // The agreed keying is the ballot that counts: sealed, and tallied at the close as keyed.
        Assert.Equal(HttpStatusCode.OK, (await third.PostAsync($"/api/reviews/{review.Id}/close", null)).StatusCode);
        var results = await third.GetFromJsonAsync<List<System.Text.Json.JsonElement>>($"/api/reviews/{review.Id}/results");
        Assert.Equal(9, results!.Sum(r => r.GetProperty("counts").GetProperty("好").GetInt32()));
    }

    [Fact]
    public async Task PaperEntry_Discard_RemovesEntriesSoTheSameStaffCanKeyAgain()
    {
        var (first, second, review) = await NewOpenReviewAsync();
        var token = (await IssueAsync(first, review, 0, 1))[0];
        await EnterAsync(first, review, token, Cycle(review, 0));
        Assert.Equal(HttpStatusCode.Conflict, (await EnterAsync(second, review, token, Cycle(review, 1))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await second.DeleteAsync($"/api/reviews/{review.Id}/paper-entries/{token}")).StatusCode);
        await AssertStoredAsync(review, 0, 0);
        Assert.Equal(HttpStatusCode.NotFound, (await second.DeleteAsync($"/api/reviews/{review.Id}/paper-entries/NOSUCHTOKEN2")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await EnterAsync(first, review, token, Cycle(review, 1))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await EnterAsync(second, review, token, Cycle(review, 1))).StatusCode);
    }

    [Fact]
    public async Task PaperEntry_AcceptedThenPhone_409_PhoneThenPaper_409()
    {
        var (first, second, review) = await NewOpenReviewAsync();
        var tokens = await IssueAsync(first, review, 0, 2);
        var phone = factory.CreateClient();

        await EnterAsync(first, review, tokens[0], Cycle(review, 0));
        Assert.Equal(HttpStatusCode.Created, (await EnterAsync(second, review, tokens[0], Cycle(review, 0))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await phone.PostAsJsonAsync($"/api/ballots/{tokens[0]}", BallotFor(review, 0))).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await phone.PostAsJsonAsync($"/api/ballots/{tokens[1]}", BallotFor(review, 0))).StatusCode);
        var late = await EnterAsync(first, review, tokens[1], Cycle(review, 0));
        await AssertConflictAsync(late, "已投票");
        await AssertStoredAsync(review, 2, 0);
    }

    [Fact]
    public async Task PaperEntry_PhoneBallotWhileOneKeyingWaits_DeletesTheKeying()
    {
        var (first, _, review) = await NewOpenReviewAsync();
        var token = (await IssueAsync(first, review, 0, 1))[0];
        Assert.Equal(HttpStatusCode.Accepted, (await EnterAsync(first, review, token, Cycle(review, 0))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().PostAsJsonAsync($"/api/ballots/{token}", BallotFor(review, 2))).StatusCode);
        await AssertStoredAsync(review, 1, 0);
    }

    [Fact]
    public async Task PaperEntry_UnknownTokenBadGradeNotOpen_404_400_409()
    {
        var (first, second, review) = await NewOpenReviewAsync();
        var other = await CreateOpenAsync(first, "另一场 " + Guid.NewGuid().ToString("N")[..6], 3, "社区干部");
        var foreign = (await IssueAsync(first, other, 0, 1))[0];
        var token = (await IssueAsync(first, review, 0, 1))[0];

        Assert.Equal(HttpStatusCode.NotFound, (await EnterAsync(first, review, "NOSUCHTOKEN3", Cycle(review, 0))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await EnterAsync(first, review, foreign, Cycle(review, 0))).StatusCode);
        var missing = await first.PostAsJsonAsync($"/api/reviews/{review.Id}/paper-entries",
            new { token, ratings = review.Subjects.Skip(1).Select(s => new { subjectId = s.Id, grade = "好" }) });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("没有评价", await missing.Content.ReadAsStringAsync());
        var badGrade = await first.PostAsJsonAsync($"/api/reviews/{review.Id}/paper-entries",
            new { token, ratings = review.Subjects.Select(s => new { subjectId = s.Id, grade = "优秀" }) });
        Assert.Equal(HttpStatusCode.BadRequest, badGrade.StatusCode);
        await AssertStoredAsync(review, 0, 0);

        Assert.Equal(HttpStatusCode.OK, (await first.PostAsync($"/api/reviews/{review.Id}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await EnterAsync(second, review, token, Cycle(review, 0))).StatusCode);
    }

    [Fact]
    public async Task PaperEntry_20TokensBothKeyingsConcurrent_Exactly20Ballots()
    {
        var (first, second, review) = await NewOpenReviewAsync();
        var tokens = await IssueAsync(first, review, 0, 20);
        var answers = await Task.WhenAll(tokens.SelectMany((t, i) => new[]
        {
            EnterAsync(first, review, t, Cycle(review, i)),
            EnterAsync(second, review, t, Cycle(review, i)),
        }));

        // Of each pair at least one keying sees the other, so each token yields exactly one ballot.
        Assert.Equal(20, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Accepted, HttpStatusCode.Conflict }));
        await AssertStoredAsync(review, 20, 0);
        Assert.Equal(new TurnoutRow(20, 20), await first.GetFromJsonAsync<TurnoutRow>($"/api/reviews/{review.Id}/turnout"));
    }
}
