using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Features.Points;
using Jishi.Testing;

namespace Jishi.IntegrationTests.Points;

public sealed record PostingRow(int Id, int UnitId, string UnitName, int Year, int Quarter, DateOnly OpensOn, DateOnly ClosesOn, bool IsOpen,
    int Objections, int OpenObjections);

public sealed record PostedEntryRow(long Id, string RuleName, DateOnly OccurredOn, decimal Points, long? ReversalOf, bool Reversed);

public sealed record PostedMemberRow(int MemberId, string Name, string UnitName, decimal Score, List<PostedEntryRow> Entries);

public sealed record ObjectionRow(int Id, int PostingId, long EntryId, string MemberName, string Reason, string Status, string? Resolution,
    long? ReversalEntryId);

public sealed record PostingDetailRow(PostingRow Posting, List<PostedMemberRow> Members, List<ObjectionRow> Objections);

/// <summary>季度积分公示 and objections, in 2012 and 2013 (years no other test posts) on community sq05's members; a quarter
/// is posted once, so every test posts a quarter of its own.</summary>
[Collection(ApiCollection.Name)]
public sealed class PostingTests(JishiFactory factory)
{
    private const int Year = 2012;

    /// <summary>An approved theme day (5 points) of a member of sq05 in the given quarter, and a posting of that quarter.</summary>
    private async Task<(HttpClient Client, int Member, long Entry, PostingRow Posting)> PostedAsync(int memberIndex, int quarter,
        string? opensOn = null, int year = Year)
    {
        var (client, member, entry) = await EntryAsync(memberIndex, quarter, year);
        var opened = await OpenAsync(client, quarter, year, opensOn);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        return (client, member, entry, (await opened.Content.ReadFromJsonAsync<PostingRow>())!);
    }

    private async Task<(HttpClient Client, int Member, long Entry)> EntryAsync(int memberIndex, int quarter, int year = Year)
    {
        var client = await factory.ClientForAsync("sq05");
        var member = (await factory.MembersAsync("sq05"))[memberIndex];
        var created = await client.PostEntryAsync(member, RuleCodes.ThemeDay, occurredOn: $"{year}-{quarter * 3 - 1:00}-10");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (client, member, (await created.Content.ReadFromJsonAsync<EntryCreatedRow>())!.Id);
    }

    private async Task<HttpResponseMessage> OpenAsync(HttpClient client, int quarter, int year, string? opensOn = null)
    {
        var community = await factory.CommunityOfAsync("sq05");
        return await client.PostAsJsonAsync("/api/points/postings", new { unitId = community.Id, year, quarter, days = 5, opensOn });
    }

    private static Task<HttpResponseMessage> ObjectAsync(HttpClient client, int posting, long entry) =>
        client.PostAsJsonAsync($"/api/points/postings/{posting}/objections", new { entryId = entry, reason = "本人当天请假，未参加" });

    [Fact]
    public async Task Objection_InWindowResolvedByReversal_BalanceDownExactlyAndPostingShowsIt()
    {
        var (client, member, entry, posting) = await PostedAsync(10, 2);
        var before = await client.GetFromJsonAsync<MemberPointsRow>($"/api/members/{member}/points?year={Year}");
        Assert.True(posting.IsOpen);

        var objected = await ObjectAsync(client, posting.Id, entry);
        Assert.Equal(HttpStatusCode.Created, objected.StatusCode);
        var objection = (await objected.Content.ReadFromJsonAsync<ObjectionRow>())!;
        var resolved = await client.PostAsJsonAsync($"/api/points/objections/{objection.Id}/resolve", new { action = "reverse", reason = "核实属实，撤销" });

        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var result = (await resolved.Content.ReadFromJsonAsync<ObjectionRow>())!;
        Assert.Equal(("Reversed", "核实属实，撤销"), (result.Status, result.Resolution!));
        var after = await client.GetFromJsonAsync<MemberPointsRow>($"/api/members/{member}/points?year={Year}");
        Assert.Equal(before!.AssessmentScore - 5m, after!.AssessmentScore);
        Assert.Contains(after.Entries, e => e.Id == result.ReversalEntryId && e.ReversalOf == entry && e.Points == -5m);
        var detail = await client.GetFromJsonAsync<PostingDetailRow>($"/api/points/postings/{posting.Id}");
        Assert.Equal(0m, detail!.Members.Single(m => m.MemberId == member).Score);
        Assert.Equal("Reversed", Assert.Single(detail.Objections).Status);
        var again = await client.PostAsJsonAsync($"/api/points/objections/{objection.Id}/resolve", new { action = "reject", reason = "重复" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Objection_Rejected_BalanceUnchangedReasonKept()
    {
        var (client, member, entry, posting) = await PostedAsync(11, 3);
        var objection = (await (await ObjectAsync(client, posting.Id, entry)).Content.ReadFromJsonAsync<ObjectionRow>())!;
        var before = await client.GetFromJsonAsync<MemberPointsRow>($"/api/members/{member}/points?year={Year}");

        var resolved = await client.PostAsJsonAsync($"/api/points/objections/{objection.Id}/resolve", new { action = "reject", reason = "签到表显示已参加" });

        Assert.Equal(("Rejected", "签到表显示已参加", (long?)null),
            await resolved.Content.ReadFromJsonAsync<ObjectionRow>() is { } r ? (r.Status, r.Resolution!, r.ReversalEntryId) : default);
        var after = await client.GetFromJsonAsync<MemberPointsRow>($"/api/members/{member}/points?year={Year}");
        Assert.Equal(before!.AssessmentScore, after!.AssessmentScore);
    }

    [Fact]
    public async Task Objection_AfterWindow_409WithChineseMessage()
    {
        var opensOn = factory.Clock.ServerToday().AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (client, _, entry, posting) = await PostedAsync(12, 1, opensOn);

        var response = await ObjectAsync(client, posting.Id, entry);

        Assert.False(posting.IsOpen);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("已结束", (await response.Content.ReadFromJsonAsync<ProblemRow>())!.Detail ?? "");
    }

    [Fact]
    public async Task Objection_EntryOfAnotherQuarter_400()
    {
        var (client, _, _, posting) = await PostedAsync(13, 4);
        var (_, _, otherQuarter) = await EntryAsync(14, 3);

        var response = await ObjectAsync(client, posting.Id, otherQuarter);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Posting_OtherCommunity_404()
    {
        var (_, _, entry, posting) = await PostedAsync(15, 1, year: 2013);
        var other = await factory.ClientForAsync("sq06");
        var community = await factory.CommunityOfAsync("sq05");

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/points/postings/{posting.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ObjectAsync(other, posting.Id, entry)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync("/api/points/postings", new { unitId = community.Id, year = Year, quarter = 1 })).StatusCode);
        Assert.DoesNotContain(await other.GetFromJsonAsync<List<PostingRow>>("/api/points/postings") ?? [], p => p.Id == posting.Id);
    }

    [Fact]
    public async Task Board_Anonymous_ShowsNamesScoresAndWindow()
    {
        var (_, member, _, posting) = await PostedAsync(16, 2, year: 2013);
        var name = await factory.WithDbAsync(db => Task.FromResult(db.Members.Single(m => m.Id == member).Name));

        var page = await factory.CreateClient().GetStringAsync($"/board/postings/{posting.Id}");

        Assert.Contains(name, page);
        Assert.Contains("2013年第2季度", page);
        Assert.Contains($"{posting.ClosesOn.Year}年{posting.ClosesOn.Month}月{posting.ClosesOn.Day}日", page);
    }

    [Fact]
    public async Task Posting_SameQuarterTwice_409WithChineseMessageAndOnePosting()
    {
        var (client, _, _, posting) = await PostedAsync(17, 3, year: 2013);

        var again = await OpenAsync(client, 3, 2013);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("已公示", (await again.Content.ReadFromJsonAsync<ProblemRow>())!.Detail ?? "");
        var postings = await client.GetFromJsonAsync<List<PostingRow>>("/api/points/postings") ?? [];
        Assert.Equal(posting.Id, Assert.Single(postings, p => p is { Year: 2013, Quarter: 3 } && p.UnitId == posting.UnitId).Id);
    }

    [Fact]
    public async Task Board_VetoedMember_ShowsNameAndScoreButNotTheVeto()
    {
        var (client, member, _) = await EntryAsync(18, 4, 2013);
        var veto = await client.PostEntryAsync(member, RuleCodes.Veto, occurredOn: "2013-11-20", evidence: "党纪处分决定书");
        Assert.Equal(HttpStatusCode.Created, veto.StatusCode);
        var admin = await factory.ClientForAsync("admin");
        var vetoId = (await veto.Content.ReadFromJsonAsync<EntryCreatedRow>())!.Id;
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/points/entries/{vetoId}/approve", null)).StatusCode);
        var opened = await OpenAsync(client, 4, 2013);
        var posting = (await opened.Content.ReadFromJsonAsync<PostingRow>())!;
        var name = await factory.WithDbAsync(db => Task.FromResult(db.Members.Single(m => m.Id == member).Name));
        var vetoName = await factory.WithDbAsync(db => Task.FromResult(db.PointRules.First(r => r.Code == RuleCodes.Veto).Name));

        var page = await factory.CreateClient().GetStringAsync($"/board/postings/{posting.Id}");

        Assert.Contains(name, page);
        Assert.DoesNotContain(vetoName, page);
        Assert.DoesNotContain("一票否决", page);
        Assert.DoesNotContain("处分", page);
    }
}
