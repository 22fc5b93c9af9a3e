using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Features.Points;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Jishi.IntegrationTests.Points;

/// <summary>Issue 4's concurrency requirements, on whichever database the suite runs (SQLite, or PostgreSQL with
/// JISHI_TEST_POSTGRES): the balance row equals the ledger and caps hold under 1,000 simultaneous awards, and one source
/// key posts once under 50 simultaneous posts.</summary>
[Collection(ApiCollection.Name)]
public sealed class PointsConcurrencyTests(JishiFactory factory, ITestOutputHelper output)
{
    [Fact]
    public async Task PostEntry_1000ConcurrentToOneMember_BalanceEqualsGrantedSumAndCapHolds()
    {
        var client = await factory.ClientForAsync("sq01");
        var member = (await factory.MembersAsync("sq01"))[6];
        // Half theme days (5 points, capped at 60 a year), half late arrivals (−0.5, uncapped), all approved at once,
        // in a year no other test uses, so that the year's rule set is also created under the race.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var responses = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i =>
            client.PostEntryAsync(member, i % 2 == 0 ? RuleCodes.ThemeDay : RuleCodes.LateOrEarly, occurredOn: $"2022-{i % 12 + 1:00}-15")));
        output.WriteLine($"1000 concurrent awards on {factory.Provider} in {clock.ElapsedMilliseconds} ms");

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var created = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<EntryCreatedRow>()));
        Assert.Equal(1000, created.Select(c => c!.Id).Distinct().Count());
        var (entries, balance) = await factory.WithDbAsync(async db => (
            await db.LedgerEntries.AsNoTracking().Where(e => e.MemberId == member && e.Year == 2022).ToListAsync(),
            await db.MemberPoints.AsNoTracking().SingleAsync(p => p.MemberId == member && p.Year == 2022)));
        Assert.Equal(1000, entries.Count);
        Assert.Equal(60m, entries.Where(e => e.RuleCode == RuleCodes.ThemeDay).Sum(e => e.Granted));
        Assert.Equal(488, entries.Count(e => e.CapCut));
        Assert.Equal(entries.Sum(e => e.Granted), balance.Earned);
        Assert.Equal(60m - 250m, balance.Earned);
        Assert.Equal(60m + balance.Earned, balance.AssessmentScore);
        Assert.Equal(1, await factory.WithDbAsync(db => db.RuleSets.CountAsync(s => s.Year == 2022 && s.Tier == "在职")));
    }

    [Fact]
    public async Task PostEntry_50ConcurrentSameSourceKey_OneEntryOne201AllAnswerIt()
    {
        var client = await factory.ClientForAsync("sq01");
        var member = (await factory.MembersAsync("sq01"))[7];
        var key = "meeting:concurrent:" + Guid.NewGuid();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            client.PostEntryAsync(member, RuleCodes.GroupMeeting, occurredOn: "2016-04-20", sourceKey: key)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(49, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var answers = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<EntryCreatedRow>()));
        var entry = await factory.WithDbAsync(db => db.LedgerEntries.AsNoTracking().SingleAsync(e => e.SourceKey == key));
        Assert.All(answers, a => Assert.Equal(entry.Id, a!.Id));
        Assert.Equal(5m, entry.Granted);
    }

    [Fact]
    public async Task PostEntry_SameSourceKeyForTwoMembersAtOnce_OneEntry()
    {
        var client = await factory.ClientForAsync("sq01");
        var members = (await factory.MembersAsync("sq01")).Skip(8).Take(10).ToList();
        var key = "pledge:shared:" + Guid.NewGuid();

        var responses = await Task.WhenAll(members.SelectMany(m => Enumerable.Range(0, 3).Select(_ =>
            client.PostEntryAsync(m, RuleCodes.ThemeDay, occurredOn: "2016-05-06", sourceKey: key))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK));
        Assert.Equal(1, await factory.WithDbAsync(db => db.LedgerEntries.CountAsync(e => e.SourceKey == key)));
    }
}
