using System.Net.Http.Json;
using Jishi.BrowserTests.Infrastructure;
using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jishi.BrowserTests;

/// <summary>民主评议党员 on screen: a full member votes on a phone through the QR code's page, the rest of the branch votes,
/// and the community secretary tries to decide with every member 优秀 and is told the one-third cap.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MemberEvaluationTests(JishiServer server)
{
    private sealed record Participant(int Id, bool IsGraded);

    private sealed record Round(int Id, int EligibleVoters, List<Participant> Participants);

    /// <summary>A round of the second branch of sq01's community, voting, with one code per eligible voter.</summary>
    private async Task<(Round Round, List<string> Tokens)> VotingRoundAsync()
    {
        int branchId;
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JishiDbContext>();
            var community = await db.Users.Where(u => u.UserName == "sq01").Select(u => u.UnitId).SingleAsync();
            branchId = await db.Units.Where(u => u.ParentId == community && u.Kind == UnitKind.Branch).OrderBy(u => u.SortOrder).ThenBy(u => u.Id)
                .Skip(1).Select(u => u.Id).FirstAsync();
        }
        var admin = await server.AdminClientAsync();
        var created = await admin.PostAsJsonAsync("/api/member-evaluations", new { unitId = branchId, year = 2016 });
        created.EnsureSuccessStatusCode();
        var round = (await created.Content.ReadFromJsonAsync<Round>())!;
        (await admin.PostAsync($"/api/member-evaluations/{round.Id}/advance", null)).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/member-evaluations/{round.Id}/advance", null)).EnsureSuccessStatusCode();
        var issued = await admin.PostAsJsonAsync($"/api/member-evaluations/{round.Id}/tokens", new { count = round.EligibleVoters });
        issued.EnsureSuccessStatusCode();
        var tokens = (await issued.Content.ReadFromJsonAsync<Dictionary<string, List<string>>>())!["tokens"];
        return (round, tokens);
    }

    [Fact]
    public async Task Evaluation_PhoneBallotThenDecisionOverCap_CapMessageShown()
    {
        var (round, tokens) = await VotingRoundAsync();
        var graded = round.Participants.Count(p => p.IsGraded);

        var phone = await server.PhoneAsync();
        await phone.GotoAsync($"/mpe/{tokens[0]}");
        var cards = phone.Locator("fieldset.card");
        await Assertions.Expect(cards).ToHaveCountAsync(graded);
        for (var i = 0; i < graded; i++)
        {
            await cards.Nth(i).Locator("label.grade").Nth(i == 0 ? 0 : 1).ClickAsync();
        }
        await JishiServer.ScreenshotAsync(phone, "90-evaluation-ballot-phone");
        await phone.ClickAsync("button[value=review]");
        await Assertions.Expect(phone.Locator("ul.summary li")).ToHaveCountAsync(graded);
        await Assertions.Expect(phone.Locator("ul.summary li").First).ToContainTextAsync("优秀");
        await JishiServer.ScreenshotAsync(phone, "91-evaluation-confirm-phone");
        await phone.ClickAsync("button[value=cast]");
        await Assertions.Expect(phone.Locator("[data-testid=ballot-done]")).ToBeVisibleAsync();
        await phone.ReloadAsync(); // post/redirect/get: a refresh thanks again and posts nothing
        await Assertions.Expect(phone.Locator("[data-testid=ballot-done]")).ToBeVisibleAsync();

        // The rest of the branch rates everyone 优秀: the form starts from the majority, which breaks the cap.
        var voter = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        foreach (var token in tokens.Skip(1))
        {
            var ballot = new { grades = round.Participants.Where(p => p.IsGraded).Select(p => new { participantId = p.Id, grade = "Excellent" }) };
            (await voter.PostAsJsonAsync($"/api/member-evaluations/ballots/{token}", ballot)).EnsureSuccessStatusCode();
        }

        var staff = await server.LoginAsync("sq01");
        await staff.ClickAsync(".app-sider a[href='/member-evaluations']");
        await staff.Locator(".evaluation-table a", new() { HasText = "第二党支部" }).First.ClickAsync();
        await JishiServer.WaitForCircuitAsync(staff);
        await Assertions.Expect(staff.Locator("#ballots-cast")).ToHaveTextAsync(tokens.Count.ToString());
        await staff.ClickAsync("#evaluation-advance");
        await staff.ClickAsync(".ant-popover .ant-btn-primary");
        await Assertions.Expect(staff.Locator("#decision")).ToBeVisibleAsync();
        await staff.ClickAsync("#evaluation-decide");
        var alert = staff.Locator(".decision-error");
        await Assertions.Expect(alert).ToContainTextAsync($"评为“优秀”的有 {graded} 人，超过参评党员 {graded} 人的三分之一（最多 {graded / 3} 人）");
        await JishiServer.ScreenshotAsync(staff, "92-evaluation-decision-cap");
    }
}
