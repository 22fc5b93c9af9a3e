using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.IntegrationTests.Pledges;
using Jishi.Web.Features.Points;

namespace Jishi.IntegrationTests.Points;

public sealed record AccountRow(int Id, string UserName, string DisplayName, int UnitId, List<string> Roles, bool MustChangePassword, int? MemberId);

public sealed record OpenedRow(AccountRow Account, string Password);

public sealed record MyPostingRow(int Id, string UnitName, int Year, int Quarter, List<long> EntryIds);

public sealed record MyObjectionRow(int Id, int PostingId, long EntryId, string Reason, string Status, string? Resolution);

public sealed record MyPledgeRow(int Id, int Year, string Status, List<PledgeItemRow> Items);

public sealed record MyPointsRow(MemberPointsRow Statement, string UnitName, List<int> Years, List<MyPledgeRow> Pledges, List<MyPostingRow> OpenPostings,
    List<MyObjectionRow> Objections);

/// <summary>我的积分: a member's own account, opened from the member list, reads that member's points and nobody else's, and
/// objects during an open 公示. In 2011 (a year no other test uses) on community sq06's members.</summary>
[Collection(ApiCollection.Name)]
public sealed class MyPointsTests(JishiFactory factory)
{
    private const int Year = 2011;

    /// <summary>An account opened by sq06 for its member at <paramref name="memberIndex"/>, an approved theme day of that member
    /// and one of the next member (not theirs).</summary>
    private async Task<(HttpClient Secretary, HttpClient Member, OpenedRow Opened, long Own, long Other, int OtherMember)> MemberWithEntriesAsync(int memberIndex)
    {
        var secretary = await factory.ClientForAsync("sq06");
        var members = await factory.MembersAsync("sq06");
        var opened = await secretary.PostAsync($"/api/members/{members[memberIndex]}/account", null);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var account = (await opened.Content.ReadFromJsonAsync<OpenedRow>())!;
        var own = await secretary.PostEntryAsync(members[memberIndex], RuleCodes.ThemeDay, occurredOn: $"{Year}-02-10");
        var other = await secretary.PostEntryAsync(members[memberIndex + 1], RuleCodes.ThemeDay, occurredOn: $"{Year}-02-10");
        return (secretary, await factory.ClientAfterPasswordChangeAsync(account.Account.UserName, account.Password), account,
            (await own.Content.ReadFromJsonAsync<EntryCreatedRow>())!.Id, (await other.Content.ReadFromJsonAsync<EntryCreatedRow>())!.Id, members[memberIndex + 1]);
    }

    [Fact]
    public async Task OpenAccount_MemberOfSubtree_MemberReadsOwnStatementOnly()
    {
        var (secretary, member, opened, own, other, otherMember) = await MemberWithEntriesAsync(2);

        var mine = await member.GetFromJsonAsync<MyPointsRow>($"/api/my/points?year={Year}");

        Assert.Equal(["Member"], opened.Account.Roles);
        Assert.True(opened.Account.MustChangePassword);
        Assert.Equal(opened.Account.MemberId, mine!.Statement.MemberId);
        Assert.Contains(mine.Statement.Entries, e => e.Id == own && e.RuleName == "参加主题党日" && e.Points == 5m && e.Status == "Approved");
        Assert.DoesNotContain(mine.Statement.Entries, e => e.Id == other);
        Assert.Equal(mine.Statement.BaseScore + 5m, mine.Statement.AssessmentScore);
        Assert.Contains(Year, mine.Years);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/api/members/{otherMember}/points?year={Year}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/api/members/{opened.Account.MemberId}/points?year={Year}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PostAsync($"/api/members/{opened.Account.MemberId}/account", null)).StatusCode);
    }

    [Fact]
    public async Task GetMyPoints_AccountWithoutMember_Returns404WithMessage()
    {
        var client = await factory.ClientForAsync("sq01");

        using var response = await client.GetAsync("/api/my/points");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("您的账号没有关联党员信息，请联系所在党组织", (await response.Content.ReadFromJsonAsync<ProblemRow>())!.Detail);
    }

    [Fact]
    public async Task Objection_OpenPosting_MemberObjectsToOwnEntryNotAnothers()
    {
        var (secretary, member, opened, own, other, _) = await MemberWithEntriesAsync(5);
        var community = await factory.CommunityOfAsync("sq06");
        var posting = await secretary.PostAsJsonAsync("/api/points/postings", new { unitId = community.Id, year = Year, quarter = 1, days = 5 });
        Assert.Equal(HttpStatusCode.Created, posting.StatusCode);
        var postingId = (await posting.Content.ReadFromJsonAsync<PostingRow>())!.Id;
        var before = await member.GetFromJsonAsync<MyPointsRow>($"/api/my/points?year={Year}");

        var objected = await member.PostAsJsonAsync("/api/my/objections", new { postingId, entryId = own, reason = "当天请假，没有参加" });
        var foreign = await member.PostAsJsonAsync("/api/my/objections", new { postingId, entryId = other, reason = "不是我的" });

        Assert.Contains(before!.OpenPostings, p => p.Id == postingId && p.EntryIds.Contains(own));
        Assert.Equal(HttpStatusCode.Created, objected.StatusCode);
        var objection = (await objected.Content.ReadFromJsonAsync<ObjectionRow>())!;
        Assert.Equal((own, "Open", "当天请假，没有参加"), (objection.EntryId, objection.Status, objection.Reason));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        var again = await member.PostAsJsonAsync("/api/my/objections", new { postingId, entryId = own, reason = "再提一次" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var after = await member.GetFromJsonAsync<MyPointsRow>($"/api/my/points?year={Year}");
        Assert.Contains(after!.Objections, o => o.Id == objection.Id && o.EntryId == own);
        Assert.DoesNotContain(after.OpenPostings.Single(p => p.Id == postingId).EntryIds, id => id == own);
        var detail = await secretary.GetFromJsonAsync<PostingDetailRow>($"/api/points/postings/{postingId}");
        Assert.Contains(detail!.Objections, o => o.Id == objection.Id && o.Status == "Open");
        Assert.Equal(opened.Account.MemberId, after.Statement.MemberId);
    }

    [Fact]
    public async Task CreateAccount_MemberRoleWithoutMember_Returns404AndCreatesNothing()
    {
        var admin = await factory.ClientForAsync("admin");
        var community = await factory.CommunityOfAsync("sq06");

        using var response = await admin.PostAsJsonAsync("/api/accounts",
            new { userName = "member-without-member", displayName = "无党员", password = TestData.AccountPassword, role = "Member", unitId = community.Id });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Users,
            u => u.UserName == "member-without-member")));
    }

    [Fact]
    public async Task DemoMemberAccount_Dy01_SeesDemoYearStarsAndPledge()
    {
        var client = await factory.ClientForAsync("dy01");

        var mine = await client.GetFromJsonAsync<MyPointsRow>("/api/my/points?year=2016");

        Assert.Equal(2016, mine!.Statement.Year);
        Assert.NotEmpty(mine.Statement.Entries);
        Assert.InRange(mine.Statement.StarLevel, 0, 5);
        Assert.Contains(mine.Pledges, p => p.Items.Count > 0 && p.Status == "Kept");
    }
}
