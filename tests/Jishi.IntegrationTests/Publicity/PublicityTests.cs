using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.IntegrationTests.Points;
using Jishi.Web.Features.Points;
using Microsoft.EntityFrameworkCore;

namespace Jishi.IntegrationTests.Publicity;

public sealed record CreditRow(int MemberId, string Name, long? EntryId, decimal? Points, string? EntryStatus);

public sealed record PublicityRow(int Id, int UnitId, string Title, string Level, decimal Weight, List<CreditRow> Credits, DateTime? RemovedAt);

public sealed record RankRow(int Rank, int UnitId, string UnitName, int District, int City, int Province, int National, int Total, decimal Weighted);

/// <summary>宣传报道 through the API: points by rule once per credited member, reversal on removal, ranking by weight.</summary>
[Collection(ApiCollection.Name)]
public sealed class PublicityTests(JishiFactory factory)
{
    [Fact]
    public async Task Create_CreditedMember_AwardedOnceByLevelRuleAndRemovalReverses()
    {
        var sq04 = await factory.ClientForAsync("sq04");
        var community = await factory.CommunityOfAsync("sq04");
        var member = (await factory.MembersAsync("sq04"))[10];
        var before = (await sq04.GetFromJsonAsync<MemberPointsRow>($"/api/members/{member}/points?year=2015"))!.AssessmentScore;

        var created = await sq04.PostAsJsonAsync("/api/publicity", new
        {
            unitId = community.Id, title = "社区党员义务理发十年如一日", outlet = "市日报", level = "City", publishedOn = "2015-05-04",
            link = "https://news.example.cn/2015/1.html", memberIds = new[] { member, member },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var item = (await created.Content.ReadFromJsonAsync<PublicityRow>())!;
        var credit = Assert.Single(item.Credits);
        Assert.Equal((2m, 4m, "Approved"), (item.Weight, credit.Points!.Value, credit.EntryStatus));
        var key = $"publicity:{item.Id}:member:{member}";
        var entry = Assert.Single(await factory.WithDbAsync(db => db.LedgerEntries.AsNoTracking().Where(e => e.SourceKey == key).ToListAsync()));
        Assert.Equal((RuleCodes.PublicityCity, 4m), (entry.RuleCode, entry.Granted));
        Assert.Equal(before + 4m, (await sq04.GetFromJsonAsync<MemberPointsRow>($"/api/members/{member}/points?year=2015"))!.AssessmentScore);

        var removed = await sq04.PostAsJsonAsync($"/api/publicity/{item.Id}/remove", new { reason = "报道署名有误" });
        var twice = await sq04.PostAsJsonAsync($"/api/publicity/{item.Id}/remove", new { reason = "再次撤销" });

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var reversal = Assert.Single(await factory.WithDbAsync(db => db.LedgerEntries.AsNoTracking().Where(e => e.ReversalOf == entry.Id).ToListAsync()));
        Assert.Equal(-4m, reversal.Granted);
        Assert.Equal(before, (await sq04.GetFromJsonAsync<MemberPointsRow>($"/api/members/{member}/points?year=2015"))!.AssessmentScore);
        Assert.DoesNotContain(item.Id, (await sq04.GetFromJsonAsync<List<PublicityRow>>("/api/publicity?year=2015"))!.Select(p => p.Id));
    }

    [Fact]
    public async Task Create_MemberOfOtherCommunity_RefusedAndNothingPosted()
    {
        var sq04 = await factory.ClientForAsync("sq04");
        var community = await factory.CommunityOfAsync("sq04");
        var stranger = (await factory.MembersAsync("sq05"))[0];
        var entries = await factory.WithDbAsync(db => db.LedgerEntries.CountAsync());

        var refused = await sq04.PostAsJsonAsync("/api/publicity", new
        {
            unitId = community.Id, title = "x", outlet = "区融媒体中心", level = "District", publishedOn = "2015-05-04", memberIds = new[] { stranger },
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(entries, await factory.WithDbAsync(db => db.LedgerEntries.CountAsync()));
    }

    [Fact]
    public async Task Ranking_DemoYear_WeightedByLevelAndScoped()
    {
        var admin = await factory.ClientForAsync("admin");
        var sq01 = await factory.ClientForAsync("sq01");

        var street = (await admin.GetFromJsonAsync<List<RankRow>>("/api/publicity/ranking?year=2016"))!;
        var own = (await sq01.GetFromJsonAsync<List<RankRow>>("/api/publicity/ranking?year=2016"))!;
        var xlsx = await admin.GetAsync("/api/publicity/ranking.xlsx?year=2016");

        Assert.Equal(9, street.Count);
        // The demo's first community: one national, one provincial, one city and one district report = 8 + 4 + 2 + 1.
        Assert.Equal((1, 4, 15m), (street[0].Rank, street[0].Total, street[0].Weighted));
        Assert.Equal(street[0].UnitId, Assert.Single(own).UnitId);
        Assert.True(street.Zip(street.Skip(1)).All(p => p.First.Weighted >= p.Second.Weighted));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync())[..2]);
    }
}
