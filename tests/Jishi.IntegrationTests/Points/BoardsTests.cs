using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared.Scope;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Jishi.IntegrationTests.Points;

public sealed record PeriodLeaderRow(int Rank, int MemberId, string Name, decimal AssessmentScore, int StarLevel, decimal PeriodPoints);

public sealed record WarningItem(int MemberId, string Name, int UnitId, string UnitName, decimal AssessmentScore, int StarLevel, decimal Threshold, bool Unqualified);

public sealed record YearEndItem(int Rank, int MemberId, string Name, string Tier, string UnitName, decimal AssessmentScore, int StarLevel, bool Vetoed, string Band);

public sealed record YearEndDoc(int UnitId, string UnitName, int Year, List<YearEndItem> Rows);

/// <summary>Leaderboard periods, warnings, the year-end sheet and the public star board, on sq04's community (no other test
/// writes there), each test in a year of its own. Nobody is scored for a year before they joined, so the community's demo
/// members are taken as having joined by 2000, before every year these tests use.</summary>
[Collection(ApiCollection.Name)]
public sealed class BoardsTests(JishiFactory factory) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        var community = await factory.CommunityOfAsync("sq04");
        await factory.WithDbAsync(db => db.Members.Within(community.Path)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.JoinedOn, new DateOnly(2000, 7, 1))));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Leaderboard_QuarterAndMonth_RanksByPointsOfThatPeriodOnly()
    {
        var client = await factory.ClientForAsync("sq04");
        var community = await factory.CommunityOfAsync("sq04");
        var members = await factory.MembersAsync("sq04");
        var (a, b) = (members[0], members[1]);
        Assert.Equal(HttpStatusCode.Created, (await client.PostEntryAsync(a, RuleCodes.ThemeDay, occurredOn: "2011-03-31")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostEntryAsync(b, RuleCodes.ThemeDay, occurredOn: "2011-04-01")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostEntryAsync(b, RuleCodes.ThemeDay, occurredOn: "2011-06-30")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostEntryAsync(b, RuleCodes.Absence, occurredOn: "2011-07-01")).StatusCode);

        var q1 = await client.GetFromJsonAsync<List<PeriodLeaderRow>>($"/api/points/leaderboard?unitId={community.Id}&year=2011&period=quarter&quarter=1");
        Assert.Equal((a, 1, 5m, 65m), (q1![0].MemberId, q1[0].Rank, q1[0].PeriodPoints, q1[0].AssessmentScore));
        Assert.All(q1.Skip(1), r => Assert.Equal((2, 0m), (r.Rank, r.PeriodPoints))); // everyone else tied at 0: rank 2
        Assert.Equal((await factory.MembersAsync("sq04", tier: null)).Where(id => id != a).Min(), q1[1].MemberId); // ties go by member id

        var q2 = await client.GetFromJsonAsync<List<PeriodLeaderRow>>($"/api/points/leaderboard?unitId={community.Id}&year=2011&period=quarter&quarter=2");
        Assert.Equal((b, 10m, 69m), (q2![0].MemberId, q2[0].PeriodPoints, q2[0].AssessmentScore));
        var q3 = await client.GetFromJsonAsync<List<PeriodLeaderRow>>($"/api/points/leaderboard?unitId={community.Id}&year=2011&period=quarter&quarter=3");
        Assert.Equal((b, -1m, q3!.Count), (q3[^1].MemberId, q3[^1].PeriodPoints, q3[^1].Rank)); // a deduction ranks below 0
        var june = await client.GetFromJsonAsync<List<PeriodLeaderRow>>($"/api/points/leaderboard?unitId={community.Id}&year=2011&period=month&month=6");
        Assert.Equal((b, 5m), (june![0].MemberId, june[0].PeriodPoints));

        var year = await client.GetFromJsonAsync<List<PeriodLeaderRow>>($"/api/points/leaderboard?unitId={community.Id}&year=2011");
        Assert.Equal((b, 69m, 9m, a, 65m), (year![0].MemberId, year[0].AssessmentScore, year[0].PeriodPoints, year[1].MemberId, year[1].AssessmentScore));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/points/leaderboard?year=2011&period=quarter")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/points/leaderboard?year=2011&period=week")).StatusCode);
    }

    [Fact]
    public async Task Warnings_Community_ExactlyTheLowMembersOfTheScope()
    {
        var client = await factory.ClientForAsync("sq04");
        var members = await factory.MembersAsync("sq04", tier: null);
        var (high, low) = (members[0], members[2]);
        await client.PostEntryAsync(high, RuleCodes.ThemeDay, quantity: 1, occurredOn: "2012-05-01");
        await client.PostEntryAsync(low, RuleCodes.Absence, quantity: 3, occurredOn: "2012-05-01");

        var warnings = (await client.GetFromJsonAsync<List<WarningItem>>("/api/points/warnings?year=2012"))!;
        // Everyone else stands at the base 60, within 5 of the first star (关注); 65 is not; 57 is 不合格.
        Assert.Equal(members.Except([high]).Order(), warnings.Select(w => w.MemberId).Order());
        Assert.Equal((low, 57m, 60m, true), (warnings[0].MemberId, warnings[0].AssessmentScore, warnings[0].Threshold, warnings[0].Unqualified));
        Assert.All(warnings.Skip(1), w => Assert.False(w.Unqualified));
        Assert.DoesNotContain(warnings, w => string.IsNullOrEmpty(w.UnitName));
    }

    [Fact]
    public async Task Warnings_BranchSecretary_OnlyTheirBranch()
    {
        var community = await factory.CommunityOfAsync("sq04");
        var branch = (await factory.BranchesOfAsync(community.Id))[1];
        var branchMembers = await factory.WithDbAsync(db => db.Members.Where(m => m.Unit!.Path.StartsWith(branch.Path) && m.Status == MemberStatus.Active)
            .Select(m => m.Id).ToListAsync());
        var secretary = await factory.ClientForNewAccountAsync("BranchSecretary", branch.Id);

        var warnings = await secretary.GetFromJsonAsync<List<WarningItem>>("/api/points/warnings?year=2010");
        Assert.NotEmpty(branchMembers);
        Assert.Equal(branchMembers.Order(), warnings!.Select(w => w.MemberId).Order()); // nobody has points in 2010: all at base
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/points/warnings?unitId={community.Id}&year=2010")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/points/year-end?unitId={community.Id}&year=2010")).StatusCode);
    }

    [Fact]
    public async Task YearEnd_ExcelNumbersMatchJson_BandsAndVeto()
    {
        var client = await factory.ClientForAsync("sq04");
        var community = await factory.CommunityOfAsync("sq04");
        var members = await factory.MembersAsync("sq04");
        var (best, vetoed) = (members[0], members[1]);
        await client.PostEntryAsync(best, RuleCodes.VolunteerHour, quantity: 40, occurredOn: "2013-06-01");
        foreach (var id in await PendingAsync(client, best))
        {
            await client.PostAsync($"/api/points/entries/{id}/approve", null);
        }
        await client.PostEntryAsync(vetoed, RuleCodes.Veto, occurredOn: "2013-06-01", evidence: "处分决定");
        foreach (var id in await PendingAsync(client, vetoed))
        {
            await client.PostAsync($"/api/points/entries/{id}/approve", null);
        }

        var sheet = await client.GetFromJsonAsync<YearEndDoc>($"/api/points/year-end?unitId={community.Id}&year=2013");
        Assert.Equal((community.Name, 2013), (sheet!.UnitName, sheet.Year));
        Assert.Equal((best, 1, 100m, 5, "Excellent"), (sheet.Rows[0].MemberId, sheet.Rows[0].Rank, sheet.Rows[0].AssessmentScore, sheet.Rows[0].StarLevel, sheet.Rows[0].Band));
        var last = sheet.Rows[^1];
        Assert.Equal((vetoed, 0m, true, "Unqualified"), (last.MemberId, last.AssessmentScore, last.Vetoed, last.Band));
        Assert.All(sheet.Rows.Where(r => r.MemberId != best && r.MemberId != vetoed), r => Assert.Equal((2, "BasicallyQualified"), (r.Rank, r.Band)));

        var response = await client.GetAsync($"/api/points/year-end.xlsx?unitId={community.Id}&year=2013");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(sheet.Rows.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal((sheet.Rows[i].Rank, sheet.Rows[i].Name, sheet.Rows[i].AssessmentScore),
                (Convert.ToInt32(rows[i]["排名"]), rows[i]["姓名"]?.ToString(), Convert.ToDecimal(rows[i]["考评积分"])));
        }
        Assert.Equal(("优秀", "★★★★★", "不合格"), (rows[0]["建议档次"]?.ToString(), rows[0]["星级"]?.ToString(), rows[^1]["建议档次"]?.ToString()));
    }

    [Fact]
    public async Task StarBoard_Anonymous_NamesStarsScoresOnly()
    {
        var client = await factory.ClientForAsync("sq04");
        var community = await factory.CommunityOfAsync("sq04");
        var members = await factory.MembersAsync("sq04");
        var (star, low) = (members[3], members[4]);
        await client.PostEntryAsync(star, RuleCodes.ThemeDay, occurredOn: "2014-03-01");
        await client.PostEntryAsync(low, RuleCodes.Absence, occurredOn: "2014-03-01");
        var people = await factory.WithDbAsync(db => db.Members.Where(m => m.Id == star || m.Id == low)
            .Select(m => new { m.Id, m.Name, m.Phone, m.IdNumber, m.Address }).ToDictionaryAsync(m => m.Id));

        var anonymous = factory.CreateClient();
        var html = await anonymous.GetStringAsync($"/board/stars/{community.Id}?year=2014");
        Assert.Contains(people[star].Name, html);
        Assert.Contains("65", html);
        Assert.DoesNotContain(people[low].Name, html); // below the first star: not posted publicly
        foreach (var secret in new[] { people[star].Phone, people[star].IdNumber, people[star].Address }.Where(s => !string.IsNullOrEmpty(s)))
        {
            Assert.DoesNotContain(secret!, html);
        }
        Assert.DoesNotContain("/points/members/", html);
        var street = await factory.WithDbAsync(db => db.Units.Where(u => u.ParentId == null).Select(u => u.Id).FirstAsync());
        Assert.DoesNotContain("star-group", await anonymous.GetStringAsync($"/board/stars/{street}?year=2014"));
        var print = await anonymous.GetAsync($"/points/year-end/{community.Id}/2014/print");
        Assert.DoesNotContain(people[star].Name, await print.Content.ReadAsStringAsync()); // the sheet is for signed-in secretaries
    }

    private static async Task<List<long>> PendingAsync(HttpClient client, int member)
    {
        var page = await client.GetFromJsonAsync<PageOf<EntryRow>>("/api/points/entries?status=Pending&pageSize=500");
        return page!.Items.Where(e => e.MemberId == member).Select(e => e.Id).ToList();
    }
}
