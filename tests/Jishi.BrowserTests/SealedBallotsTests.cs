using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jishi.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Jishi.BrowserTests;

/// <summary>Sealed ballots (ADR-015) as people meet them: the trustees' shares on the campaign page, shown once; the close
/// that needs every share; the 验证计票 page; the red warning of a campaign whose key the server holds; and the phone
/// ballot with scripts off and in WeChat's browser, ending in a tracker receipt.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SealedBallotsTests(JishiServer server)
{
    private const int DemoReview = 1;
    private const string WeChat = "Mozilla/5.0 (iPhone; CPU iPhone OS 16_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) " +
        "Mobile/15E148 MicroMessenger/8.0.40(0x1800282c) NetType/WIFI Language/zh_CN";

    private sealed record Subject(int Id, string Name, int UnitId);
    private sealed record Group(int Id, string Name, double Weight, int HeadCount);
    private sealed record Campaign(int Id, string Title, List<Subject> Subjects, List<Group> VoterGroups);
    private sealed record Codes(List<string> Tokens);

    [GeneratedRegex("^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$")]
    private static partial Regex TrackerText();

    [Theory]
    [InlineData(null, false)]
    [InlineData(WeChat, true)]
    public async Task PhoneBallot_ScriptsOffOrWeChat_CastShowsTrackerReceipt_SecondSubmitSaysUsed(string? userAgent, bool javaScript)
    {
        using var admin = await server.AdminClientAsync();
        var campaign = await DraftAsync(admin, javaScript ? "微信投票" : "无脚本投票");
        (await admin.PostAsync($"/api/reviews/{campaign.Id}/open", null)).EnsureSuccessStatusCode();
        var token = (await IssueAsync(admin, campaign, 1))[0];

        // Two phones with the same card: the second has reached the confirmation when the first casts.
        var phone = await server.PhoneAsync(userAgent, javaScript);
        var late = await server.PhoneAsync(userAgent, javaScript);
        await FillBallotAsync(late, token, campaign);
        await FillBallotAsync(phone, token, campaign);
        await phone.ClickAsync("button[value=cast]");

        var receipt = phone.Locator("[data-testid=receipt]");
        await Assertions.Expect(receipt).ToHaveTextAsync(TrackerText());
        await Assertions.Expect(phone.Locator(".done")).ToHaveTextAsync("投票成功，谢谢！");
        await Assertions.Expect(phone.Locator(".lead")).ToContainTextAsync("请保存回执码");
        await JishiServer.ScreenshotAsync(phone, javaScript ? "sealed-receipt-wechat-390" : "sealed-receipt-noscript-390");
        // The whole receipt on the screen, no sideways scrolling, the code not running out of its box.
        var box = (await receipt.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"the receipt spans {box.X}–{box.X + box.Width} on a 390px phone");
        Assert.True(await receipt.EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth && document.documentElement.scrollWidth <= innerWidth"),
            "the receipt is wider than the phone");

        await late.ClickAsync("button[value=cast]");
        await Assertions.Expect(late.Locator(".done")).ToHaveTextAsync("已投票");
        await Assertions.Expect(late.Locator("[data-testid=used]")).ToContainTextAsync("这个码已经用过");
        await Assertions.Expect(late.Locator("[data-testid=receipt]")).ToHaveCountAsync(0);
        await phone.Context.CloseAsync();
        await late.Context.CloseAsync();
    }

    /// <summary>Opens the ballot of <paramref name="token"/>, taps a grade for every secretary and goes on to the confirmation.</summary>
    private static async Task FillBallotAsync(IPage phone, string token, Campaign campaign)
    {
        await phone.GotoAsync($"/ballot/{token}");
        var cards = phone.Locator("fieldset.card");
        await Assertions.Expect(cards).ToHaveCountAsync(campaign.Subjects.Count);
        for (var i = 0; i < campaign.Subjects.Count; i++)
        {
            await cards.Nth(i).Locator("label.grade").Nth(i % 4).TapAsync();
        }
        await phone.ClickAsync("button[value=review]");
        await Assertions.Expect(phone.Locator(".summary li")).ToHaveCountAsync(campaign.Subjects.Count);
    }

    /// <summary>A draft campaign with the demo campaign's first three secretaries and its voter groups.</summary>
    private static async Task<Campaign> DraftAsync(HttpClient admin, string title)
    {
        var demo = (await admin.GetFromJsonAsync<Campaign>($"/api/reviews/{DemoReview}"))!;
        var created = await admin.PostAsJsonAsync("/api/reviews", new
        {
            title = $"{demo.Title}（{title}）", year = 2016, meetingDate = "2016-02-13", ballotWeight = 0.4,
            subjects = demo.Subjects.Take(3).Select(s => new { unitId = s.UnitId }),
            voterGroups = demo.VoterGroups.Select(g => new { name = g.Name, weight = g.Weight, headCount = g.HeadCount }),
        });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<Campaign>())!;
    }

    private static async Task<List<string>> IssueAsync(HttpClient admin, Campaign campaign, int count)
    {
        var issued = await admin.PostAsJsonAsync($"/api/reviews/{campaign.Id}/tokens", new { voterGroupId = campaign.VoterGroups[0].Id, count });
        issued.EnsureSuccessStatusCode();
        return (await issued.Content.ReadFromJsonAsync<Codes>())!.Tokens;
    }
}
