using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Points;
using Microsoft.EntityFrameworkCore;

namespace Jishi.IntegrationTests.Points;

/// <summary>The points section of API.md, call by call, on the demo street.</summary>
[Collection(ApiCollection.Name)]
public sealed class PointsEndpointTests(JishiFactory factory)
{
    [Fact]
    public async Task GetRules_OnDuty2016_DefaultsAsApiMdShapes()
    {
        var client = await factory.ClientForAsync("sq01");
        var rules = await client.GetFromJsonAsync<List<RuleRow>>("/api/points/rules?tier=在职&year=2016");
        var meeting = Assert.Single(rules!, r => r.Code == RuleCodes.GeneralMeeting);
        Assert.Equal(("参加党员大会", 5m, "次", 20m, false), (meeting.Name, meeting.Points, meeting.Unit, meeting.CapPerYear!.Value, meeting.NeedsApproval));
        Assert.Contains(rules!, r => r.Code == RuleCodes.LateOrEarly && r.Points == -0.5m);
        var retired = await client.GetFromJsonAsync<List<RuleRow>>("/api/points/rules?tier=离退休&year=2016");
        Assert.True(retired!.Count < rules!.Count);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/points/rules?tier=不存在&year=2016")).StatusCode);
    }

    [Fact]
    public async Task PostEntry_ThenStatement_ScoreStarsAndEntryShown()
    {
        var client = await factory.ClientForAsync("sq01");
        var member = (await factory.MembersAsync("sq01"))[1];
        var before = await client.GetFromJsonAsync<MemberPointsRow>($"/api/members/{member}/points?year=2018");

        var response = await client.PostEntryAsync(member, RuleCodes.PledgeKept, occurredOn: "2018-05-04", evidence: "照片");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<EntryCreatedRow>();
        Assert.Equal((10m, "Pending", false), (created!.Points, created.Status, created.CapCut));
        Assert.Equal(before!.AssessmentScore, (await client.GetFromJsonAsync<MemberPointsRow>($"/api/members/{member}/points?year=2018"))!.AssessmentScore);

        var approved = await client.PostAsync($"/api/points/entries/{created.Id}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var after = await client.GetFromJsonAsync<MemberPointsRow>($"/api/members/{member}/points?year=2018");
        Assert.Equal(before.AssessmentScore + 10, after!.AssessmentScore);
        Assert.Equal(before.SpendableBalance + 10, after.SpendableBalance);
        var entry = Assert.Single(after.Entries, e => e.Id == created.Id);
        Assert.Equal(("公开承诺兑现（践诺）", "Approved", "sq01"), (entry.RuleName, entry.Status, entry.ApprovedBy));
        Assert.Equal(2, after.StarLevel); // 60 + 10 = 70: two stars
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/points/entries/{created.Id}/approve", null)).StatusCode);
    }

    [Fact]
    public async Task PostEntry_SameSourceKeyTwice_FirstEntryWith200NothingAdded()
    {
        var client = await factory.ClientForAsync("sq01");
        var member = (await factory.MembersAsync("sq01"))[2];
        var key = "test:" + Guid.NewGuid();
        var first = await client.PostEntryAsync(member, RuleCodes.ThemeDay, sourceKey: key);
        var second = await client.PostEntryAsync(member, RuleCodes.ThemeDay, sourceKey: key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadFromJsonAsync<EntryCreatedRow>(), await second.Content.ReadFromJsonAsync<EntryCreatedRow>());
        Assert.Equal(1, await factory.WithDbAsync(db => db.LedgerEntries.CountAsync(e => e.SourceKey == key)));
    }

    [Fact]
    public async Task Reverse_Approved_201ReversingEntryAndOnlyOnce()
    {
        var client = await factory.ClientForAsync("sq01");
        var member = (await factory.MembersAsync("sq01"))[3];
        var created = await (await client.PostEntryAsync(member, RuleCodes.ThemeDay, occurredOn: "2019-04-02")).Content.ReadFromJsonAsync<EntryCreatedRow>();

        var reversed = await client.PostAsJsonAsync($"/api/points/entries/{created!.Id}/reverse", new { reason = "当日请假，误记" });
        Assert.Equal(HttpStatusCode.Created, reversed.StatusCode);
        var reversal = await reversed.Content.ReadFromJsonAsync<EntryRow>();
        Assert.Equal((created.Id, -5m, "Approved", "当日请假，误记"), (reversal!.ReversalOf!.Value, reversal.Points, reversal.Status, reversal.Reason));

        var again = await client.PostAsJsonAsync($"/api/points/entries/{created.Id}/reverse", new { reason = "再次" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var ofReversal = await client.PostAsJsonAsync($"/api/points/entries/{reversal.Id}/reverse", new { reason = "撤销冲正" });
        Assert.Equal(HttpStatusCode.Conflict, ofReversal.StatusCode);
        Assert.Contains("冲正记录不能再次冲正", await ofReversal.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/points/entries/{created.Id}/reverse", new { reason = " " })).StatusCode);
        var statement = await client.GetFromJsonAsync<MemberPointsRow>($"/api/members/{member}/points?year=2019");
        Assert.Equal(statement!.BaseScore, statement.AssessmentScore);
        Assert.True(Assert.Single(statement.Entries, e => e.Id == created.Id).Reversed);
    }

    [Fact]
    public async Task Reject_Pending_NotCountedAndCapReleased()
    {
        var client = await factory.ClientForAsync("sq01");
        var member = (await factory.MembersAsync("sq01"))[4];
        var created = await (await client.PostEntryAsync(member, RuleCodes.VolunteerHour, 3, "2020-06-01")).Content.ReadFromJsonAsync<EntryCreatedRow>();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/points/entries/{created!.Id}/reject", new { reason = "" })).StatusCode);
        var rejected = await client.PostAsJsonAsync($"/api/points/entries/{created.Id}/reject", new { reason = "重复登记" });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal("Rejected", (await rejected.Content.ReadFromJsonAsync<EntryRow>())!.Status);
        var statement = await client.GetFromJsonAsync<MemberPointsRow>($"/api/members/{member}/points?year=2020");
        Assert.Equal(60, statement!.AssessmentScore);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"/api/points/entries/{created.Id}/reverse", new { reason = "错" })).StatusCode);
    }

    [Fact]
    public async Task PostEntry_CapsAtEntryTime_GrantedCutAndFlagged()
    {
        var client = await factory.ClientForAsync("sq01");
        var member = (await factory.MembersAsync("sq01"))[5];
        var granted = new List<EntryCreatedRow>();
        for (var i = 0; i < 6; i++)
        {
            granted.Add((await (await client.PostEntryAsync(member, RuleCodes.GeneralMeeting, occurredOn: $"2021-0{i + 1}-10")).Content.ReadFromJsonAsync<EntryCreatedRow>())!);
        }
        Assert.Equal([5m, 5m, 5m, 5m, 0m, 0m], granted.Select(g => g.Points));
        Assert.Equal([false, false, false, false, true, true], granted.Select(g => g.CapCut));
        Assert.Equal(80, (await client.GetFromJsonAsync<MemberPointsRow>($"/api/members/{member}/points?year=2021"))!.AssessmentScore);
    }

    [Fact]
    public async Task PostEntry_Invalid_400InChinese()
    {
        var client = await factory.ClientForAsync("sq01");
        var member = (await factory.MembersAsync("sq01"))[0];
        var unknown = await client.PostEntryAsync(member, "no-such-rule");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("no-such-rule", (await unknown.Content.ReadFromJsonAsync<ProblemRow>())!.Errors!["ruleCode"][0]);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostEntryAsync(member, RuleCodes.ThemeDay, 0)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostEntryAsync(member, RuleCodes.ThemeDay, occurredOn: "2999-01-01")).StatusCode);
        var noEvidence = await client.PostEntryAsync(member, RuleCodes.PledgeKept);
        Assert.Contains("佐证材料", (await noEvidence.Content.ReadFromJsonAsync<ProblemRow>())!.Errors!["evidence"][0]);
    }

    [Fact]
    public async Task OtherCommunity_MemberAndEntry_404()
    {
        var client = await factory.ClientForAsync("sq01");
        var other = (await factory.MembersAsync("sq02"))[0];
        var otherEntry = await factory.WithDbAsync(db => db.LedgerEntries.Where(e => e.MemberId == other).Select(e => e.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostEntryAsync(other, RuleCodes.ThemeDay)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/members/{other}/points?year=2016")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/points/entries/{otherEntry}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/points/entries/{otherEntry}/reverse", new { reason = "越权" })).StatusCode);
        var otherCommunity = await factory.CommunityOfAsync("sq02");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/points/leaderboard?unitId={otherCommunity.Id}&year=2016")).StatusCode);
    }

    [Fact]
    public async Task Approve_BranchSecretary_OwnBranchYesSisterBranch404()
    {
        var community = await factory.CommunityOfAsync("sq01");
        var branches = await factory.BranchesOfAsync(community.Id);
        var (own, sister) = await factory.WithDbAsync(async db => (
            await db.Members.Where(m => m.Unit!.Path.StartsWith(branches[0].Path) && m.Tier == "在职").OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(),
            await db.Members.Where(m => m.Unit!.Path.StartsWith(branches[1].Path) && m.Tier == "在职").OrderBy(m => m.Id).Select(m => m.Id).FirstAsync()));
        var secretary = await factory.ClientForNewAccountAsync(Roles.BranchSecretary, branches[0].Id);
        var community1 = await factory.ClientForAsync("sq01");
        var ownEntry = await (await secretary.PostEntryAsync(own, RuleCodes.WishFulfilled, occurredOn: "2023-07-01")).Content.ReadFromJsonAsync<EntryCreatedRow>();
        var sisterEntry = await (await community1.PostEntryAsync(sister, RuleCodes.WishFulfilled, occurredOn: "2023-07-01")).Content.ReadFromJsonAsync<EntryCreatedRow>();

        Assert.Equal(HttpStatusCode.NotFound, (await secretary.PostAsync($"/api/points/entries/{sisterEntry!.Id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.PostEntryAsync(sister, RuleCodes.ThemeDay)).StatusCode);
        var approved = await secretary.PostAsync($"/api/points/entries/{ownEntry!.Id}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("Approved", (await approved.Content.ReadFromJsonAsync<EntryRow>())!.Status);
        var board = await secretary.GetFromJsonAsync<List<LeaderRow>>("/api/points/leaderboard?year=2023&top=500");
        Assert.DoesNotContain(board!, r => r.MemberId == sister);
        Assert.Contains(board!, r => r.MemberId == own && r.AssessmentScore == 63);
        // A board full of scores above the base skips the members without a balance row; one more place brings them back.
        var above = board!.Count(r => r.AssessmentScore > 60);
        foreach (var top in new[] { above, above + 1 })
        {
            var shorter = await secretary.GetFromJsonAsync<List<LeaderRow>>($"/api/points/leaderboard?year=2023&top={top}");
            Assert.Equal(board!.Take(top).Select(r => r.MemberId), shorter!.Select(r => r.MemberId));
        }
    }

    [Fact]
    public async Task Leaderboard_Demo2016_RankedByScoreTiesShareRank()
    {
        var client = await factory.ClientForAsync("sq01");
        var board = await client.GetFromJsonAsync<List<LeaderRow>>("/api/points/leaderboard?year=2016&top=50");
        Assert.Equal(50, board!.Count);
        Assert.Equal(1, board[0].Rank);
        for (var i = 1; i < board.Count; i++)
        {
            Assert.True(board[i].AssessmentScore <= board[i - 1].AssessmentScore);
            Assert.Equal(board[i].AssessmentScore == board[i - 1].AssessmentScore ? board[i - 1].Rank : i + 1, board[i].Rank);
        }
        var community = await factory.MembersAsync("sq01", tier: null);
        Assert.All(board, row => Assert.Contains(row.MemberId, community));
        var retired = await client.GetFromJsonAsync<List<LeaderRow>>("/api/points/leaderboard?year=2016&tier=离退休&top=5");
        var retiredIds = await factory.MembersAsync("sq01", "离退休");
        Assert.All(retired!, row => Assert.Contains(row.MemberId, retiredIds));
    }
}
