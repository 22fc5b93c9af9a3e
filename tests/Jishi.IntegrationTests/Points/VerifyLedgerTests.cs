using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Cli;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Features.Points;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Jishi.IntegrationTests.Points;

/// <summary><c>jishi verify-ledger</c> run as an operator runs it, on a database of its own (it is corrupted on purpose).</summary>
public sealed class VerifyLedgerTests(JishiFactory factory, ITestOutputHelper output) : IClassFixture<JishiFactory>
{
    private Task<JishiProcess.Outcome> VerifyAsync() =>
        JishiProcess.RunOnAsync(factory.Provider, factory.ConnectionString, null, "verify-ledger");

    [Fact]
    public async Task VerifyLedger_DemoThenRandomMix_NoDifferenceThenCorruptedBalanceExits1()
    {
        var client = await factory.ClientForAsync("sq01");
        var demo = await VerifyAsync();
        Assert.True(demo.ExitCode == 0, demo.Output + demo.Error);
        Assert.Contains("全部一致", demo.Output);

        var members = (await factory.MembersAsync("sq01")).Take(12).ToList();
        string[] codes = [RuleCodes.ThemeDay, RuleCodes.GeneralMeeting, RuleCodes.VolunteerHour, RuleCodes.Absence, RuleCodes.LateOrEarly,
            RuleCodes.WishFulfilled, RuleCodes.Veto, RuleCodes.PartyLecture];
        var random = new Random(4);
        var posted = new List<(EntryCreatedRow Entry, string Code)>();
        for (var i = 0; i < 150; i++)
        {
            var code = codes[random.Next(codes.Length)];
            var response = await client.PostEntryAsync(members[random.Next(members.Count)], code, random.Next(1, 4),
                $"2016-{random.Next(4, 13):00}-{random.Next(1, 29):00}", evidence: "纪检通报");
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            posted.Add(((await response.Content.ReadFromJsonAsync<EntryCreatedRow>())!, code));
        }
        foreach (var (entry, _) in posted.Where(p => p.Entry.Status == "Pending"))
        {
            var decision = random.Next(3) == 0
                ? await client.PostAsJsonAsync($"/api/points/entries/{entry.Id}/reject", new { reason = "核实不符" })
                : await client.PostAsync($"/api/points/entries/{entry.Id}/approve", null);
            Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
        }
        var reversals = 0;
        foreach (var (entry, _) in posted.Where(_ => random.Next(5) == 0))
        {
            var reversed = await client.PostAsJsonAsync($"/api/points/entries/{entry.Id}/reverse", new { reason = "更正" });
            reversals += reversed.StatusCode == HttpStatusCode.Created ? 1 : 0;
            Assert.True(reversed.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict);
        }
        Assert.True(reversals > 5, $"{reversals} reversals");
        Assert.Empty((await factory.WithDbAsync(db => new VerifyLedger(db).HandleAsync(CancellationToken.None))).Differences);
        var mixed = await VerifyAsync();
        output.WriteLine(mixed.Output);
        Assert.True(mixed.ExitCode == 0, mixed.Output + mixed.Error);

        var victim = members[0];
        await factory.WithDbAsync(db => db.MemberPoints.Where(p => p.MemberId == victim && p.Year == 2016)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Earned, p => p.Earned + 1)));
        var corrupted = await VerifyAsync();

        Assert.Equal(1, corrupted.ExitCode);
        Assert.Contains($"党员 {victim}，2016 年", corrupted.Error);
        Assert.Contains("1 处不一致", corrupted.Error);
    }
}
