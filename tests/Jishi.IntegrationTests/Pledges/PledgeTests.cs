using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.IntegrationTests.Points;
using Jishi.Web.Features.Points;
using Microsoft.EntityFrameworkCore;

namespace Jishi.IntegrationTests.Pledges;

public sealed record PledgeItemRow(int Position, string Text, string Target);

public sealed record PledgeRow(int Id, int MemberId, string MemberName, int Year, string Status, List<PledgeItemRow> Items, string? Outcome,
    string? Grade, string? GradeComment, long? EntryId, string? EntryStatus, decimal? EntryPoints);

/// <summary>公开承诺 through the API and the public board, in 2013 (a year no other test uses) on community sq03's members.</summary>
[Collection(ApiCollection.Name)]
public sealed class PledgeTests(JishiFactory factory)
{
    private const int Year = 2013;

    private async Task<(HttpClient Client, PledgeRow Pledge)> PublishedAsync(int memberIndex, bool publish = true)
    {
        var client = await factory.ClientForAsync("sq03");
        var member = (await factory.MembersAsync("sq03"))[memberIndex];
        var created = await client.PostAsJsonAsync("/api/pledges", new
        {
            memberId = member,
            year = Year,
            items = new[] { new { text = "结对帮扶困难户", target = "2户" }, new { text = "参加社区志愿服务", target = "40小时" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var pledge = (await created.Content.ReadFromJsonAsync<PledgeRow>())!;
        if (publish)
        {
            var published = await client.PostAsync($"/api/pledges/{pledge.Id}/publish", null);
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
            pledge = (await published.Content.ReadFromJsonAsync<PledgeRow>())!;
        }
        return (client, pledge);
    }

    [Fact]
    public async Task Keep_20Concurrent_ExactlyOneAwardByPledgeRule()
    {
        var (client, pledge) = await PublishedAsync(20);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            client.PostAsJsonAsync($"/api/pledges/{pledge.Id}/keep", new { evidence = "帮扶对象签字确认" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var entries = await factory.WithDbAsync(db => db.LedgerEntries.AsNoTracking().Where(e => e.SourceKey == $"pledge:{pledge.Id}").ToListAsync());
        var entry = Assert.Single(entries);
        Assert.Equal((pledge.MemberId, RuleCodes.PledgeKept, 10m, EntryStatus.Pending, Year, "帮扶对象签字确认"),
            (entry.MemberId, entry.RuleCode, entry.Granted, entry.Status, entry.Year, entry.Evidence));
        var read = await client.GetFromJsonAsync<PledgeRow>($"/api/pledges/{pledge.Id}");
        Assert.Equal(("Kept", entry.Id, "Pending", 10m), (read!.Status, read.EntryId!.Value, read.EntryStatus, read.EntryPoints!.Value));
    }

    [Fact]
    public async Task Keep_ThenApproved_BalanceUpByTen()
    {
        var (client, pledge) = await PublishedAsync(21);
        var before = await client.GetFromJsonAsync<MemberPointsRow>($"/api/members/{pledge.MemberId}/points?year={Year}");

        var kept = await (await client.PostAsJsonAsync($"/api/pledges/{pledge.Id}/keep", new { evidence = "照片" })).Content.ReadFromJsonAsync<PledgeRow>();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/points/entries/{kept!.EntryId}/approve", null)).StatusCode);

        var after = await client.GetFromJsonAsync<MemberPointsRow>($"/api/members/{pledge.MemberId}/points?year={Year}");
        Assert.Equal(before!.AssessmentScore + 10m, after!.AssessmentScore);
    }

    [Fact]
    public async Task NotKept_Published_NoAwardAndKeepRefused()
    {
        var (client, pledge) = await PublishedAsync(22);

        var notKept = await client.PostAsJsonAsync($"/api/pledges/{pledge.Id}/not-kept", new { reason = "外出务工，未能完成" });
        var keep = await client.PostAsJsonAsync($"/api/pledges/{pledge.Id}/keep", new { evidence = "照片" });

        Assert.Equal(HttpStatusCode.OK, notKept.StatusCode);
        Assert.Equal(("NotKept", "外出务工，未能完成"), await notKept.Content.ReadFromJsonAsync<PledgeRow>() is { } p ? (p.Status, p.Outcome!) : default);
        Assert.Equal(HttpStatusCode.Conflict, keep.StatusCode);
        Assert.Contains("不能更改", (await keep.Content.ReadFromJsonAsync<ProblemRow>())!.Detail ?? "");
        Assert.False(await factory.WithDbAsync(db => db.LedgerEntries.AnyAsync(e => e.SourceKey == $"pledge:{pledge.Id}")));
    }

    [Fact]
    public async Task Keep_Draft_409AndNoAward()
    {
        var (client, pledge) = await PublishedAsync(23, publish: false);

        var keep = await client.PostAsJsonAsync($"/api/pledges/{pledge.Id}/keep", new { evidence = "照片" });

        Assert.Equal(HttpStatusCode.Conflict, keep.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.LedgerEntries.AnyAsync(e => e.SourceKey == $"pledge:{pledge.Id}")));
    }

    [Fact]
    public async Task Update_DraftThenPublished_ItemsReplacedThen409()
    {
        var (client, pledge) = await PublishedAsync(24, publish: false);
        var body = new { memberId = pledge.MemberId, year = Year, items = new[] { new { text = "调解邻里纠纷", target = "5起" } } };

        var updated = await client.PutAsJsonAsync($"/api/pledges/{pledge.Id}", body);
        await client.PostAsync($"/api/pledges/{pledge.Id}/publish", null);
        var late = await client.PutAsJsonAsync($"/api/pledges/{pledge.Id}", body);

        Assert.Equal([new PledgeItemRow(1, "调解邻里纠纷", "5起")], (await updated.Content.ReadFromJsonAsync<PledgeRow>())!.Items);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/pledges/{pledge.Id}/publish", null)).StatusCode);
    }

    [Fact]
    public async Task Create_EmptyItem_400NamesTheItem()
    {
        var client = await factory.ClientForAsync("sq03");
        var member = (await factory.MembersAsync("sq03"))[25];

        var response = await client.PostAsJsonAsync("/api/pledges", new { memberId = member, year = Year, items = new[] { new { text = "帮扶", target = "" } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("items[0]", (await response.Content.ReadFromJsonAsync<ProblemRow>())!.Errors!.Keys);
    }

    [Fact]
    public async Task Rate_BranchGrade_StoredAndUnknownGrade400()
    {
        var (client, pledge) = await PublishedAsync(26);

        var rated = await client.PostAsJsonAsync($"/api/pledges/{pledge.Id}/rate", new { grade = "较好", comment = "进度正常" });
        var wrong = await client.PostAsJsonAsync($"/api/pledges/{pledge.Id}/rate", new { grade = "优秀" });

        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        Assert.Equal(("较好", "进度正常"), await rated.Content.ReadFromJsonAsync<PledgeRow>() is { } p ? (p.Grade!, p.GradeComment!) : default);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("较好", (await client.GetFromJsonAsync<PledgeRow>($"/api/pledges/{pledge.Id}"))!.Grade);
    }

    [Fact]
    public async Task Pledge_OtherCommunity_404AndUnchanged()
    {
        var (_, pledge) = await PublishedAsync(27);
        var other = await factory.ClientForAsync("sq04");

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/pledges/{pledge.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/pledges/{pledge.Id}/keep", new { evidence = "照片" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync("/api/pledges", new
        {
            memberId = pledge.MemberId, year = Year, items = new[] { new { text = "帮扶", target = "1户" } },
        })).StatusCode);
        Assert.DoesNotContain(await other.GetFromJsonAsync<List<PledgeRow>>($"/api/pledges?year={Year}") ?? [], p => p.Id == pledge.Id);
        var own = await factory.ClientForAsync("sq03");
        Assert.Equal("Published", (await own.GetFromJsonAsync<PledgeRow>($"/api/pledges/{pledge.Id}"))!.Status);
    }

    [Fact]
    public async Task Board_Anonymous_ShowsPublishedItemsOnlyWithoutSensitiveFields()
    {
        var (client, published) = await PublishedAsync(28);
        var draftMember = (await factory.MembersAsync("sq03"))[29];
        await client.PostAsJsonAsync("/api/pledges", new { memberId = draftMember, year = Year, items = new[] { new { text = "草稿里的秘密事项", target = "1次" } } });
        await client.PostAsJsonAsync($"/api/pledges/{published.Id}/keep", new { evidence = "照片" });
        var community = await factory.CommunityOfAsync("sq03");
        var person = await factory.WithDbAsync(db => db.Members.AsNoTracking().Where(m => m.Id == published.MemberId)
            .Select(m => new { m.Name, m.IdNumber, m.Phone }).SingleAsync());

        var page = await factory.CreateClient().GetStringAsync($"/board/pledges/{community.Id}?year={Year}");

        Assert.Contains(person.Name, page);
        Assert.Contains("结对帮扶困难户", page);
        Assert.Contains("✓", page);
        Assert.DoesNotContain("草稿里的秘密事项", page);
        Assert.False(person.IdNumber is { } id && page.Contains(id), "the ID number is shown");
        Assert.False(person.Phone is { } phone && page.Contains(phone), "the phone is shown");
    }
}
