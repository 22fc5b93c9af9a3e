using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.IntegrationTests.Members;

namespace Jishi.IntegrationTests.Points;

/// <summary>Nobody is scored for a year before they joined: a member who joined in 2026 is on the 2026 sheets and boards
/// and on none of 2016's. A community of its own, on a host of its own.</summary>
public sealed class JoinedLaterTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    [Fact]
    public async Task MemberJoinedIn2026_NotOnThe2016SheetLeaderboardOrStarBoard_ButOn2026s()
    {
        var community = await OwnCommunity.CreateAsync(factory, ("在职", 2));
        var branch = community.Branches[0];
        var admin = await factory.ClientForAsync("admin");
        var birth = new DateOnly(1996, 4, 2);
        var created = await admin.PostAsJsonAsync("/api/members", new
        {
            name = "新入党的同志", gender = "男", ethnicity = "汉族", birthDate = birth, idNumber = MemberEndpointTests.NewIdNumber(birth),
            education = "大学本科", category = "Probationary", unitId = branch.Id, joinedOn = new DateOnly(2026, 7, 1), tier = "在职",
            status = "Active",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var late = (await created.Content.ReadFromJsonAsync<MemberRow>())!.Id;
        var secretary = community.Secretary;

        var sheet2016 = await secretary.GetFromJsonAsync<YearEndDoc>($"/api/points/year-end?unitId={community.Id}&year=2016");
        var board2016 = await secretary.GetFromJsonAsync<List<PeriodLeaderRow>>($"/api/points/leaderboard?unitId={community.Id}&year=2016");
        var stars2016 = await factory.CreateClient().GetStringAsync($"/board/stars/{community.Id}?year=2016");
        var sheet2026 = await secretary.GetFromJsonAsync<YearEndDoc>($"/api/points/year-end?unitId={community.Id}&year=2026");
        var board2026 = await secretary.GetFromJsonAsync<List<PeriodLeaderRow>>($"/api/points/leaderboard?unitId={community.Id}&year=2026");

        Assert.Equal(branch.Members.Order(), sheet2016!.Rows.Select(r => r.MemberId).Order());
        Assert.Equal(branch.Members.Order(), board2016!.Select(r => r.MemberId).Order());
        Assert.DoesNotContain("新入党的同志", stars2016);
        Assert.Contains(sheet2026!.Rows, r => r.MemberId == late);
        Assert.Contains(board2026!, r => r.MemberId == late);
    }
}
