using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jishi.BrowserTests.Infrastructure;
using Jishi.Web.Data;
using Jishi.Web.Features.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task Close_WithTrustees_OneShareMissingRefused_BothSharesTallyAndVerify()
    {
        using var admin = await server.AdminClientAsync();
        var campaign = await DraftAsync(admin, "监票人计票");
        var page = await server.LoginAsync(height: 768);
        await page.GotoAsync($"/reviews/{campaign.Id}");
        await JishiServer.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("#server-key-warning")).ToBeVisibleAsync();

        // Two trustees, each share shown once as text and a QR code on a slip to print.
        var first = await AddTrusteeAsync(page, "张红梅", "trustee-panel-share");
        var second = await AddTrusteeAsync(page, "李国强", null);
        Assert.NotEqual(first, second);
        await Assertions.Expect(page.Locator("#trustee-panel .trustee-name")).ToHaveTextAsync(["张红梅", "李国强"]);
        await Assertions.Expect(page.Locator("#server-key-warning")).ToHaveCountAsync(0);
        // Reloaded, the page knows the names only: no slip, no share anywhere.
        await page.ReloadAsync();
        await JishiServer.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("#trustee-panel .trustee-name")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=share-slip]")).ToHaveCountAsync(0);
        Assert.DoesNotContain(first, await page.ContentAsync());
        Assert.DoesNotContain(second, await page.ContentAsync());

        await ConfirmAsync(page, "开始投票", "投票中");
        var tokens = await IssueAsync(admin, campaign, 3);
        // All 好, all 较好, then 好 for the first secretary and 差 for the others.
        Func<int, string>[] ballots = [_ => "好", _ => "较好", i => i == 0 ? "好" : "差"];
        using (var voter = new HttpClient { BaseAddress = new Uri(server.BaseUrl) })
        {
            foreach (var (token, grades) in tokens.Zip(ballots))
            {
                (await voter.PostAsJsonAsync($"/api/ballots/{token}",
                    new { ratings = campaign.Subjects.Select((s, i) => new { subjectId = s.Id, grade = grades(i) }) })).EnsureSuccessStatusCode();
            }
        }

        // 结束投票 with the first share only: refused, naming the trustee whose share is missing; voting goes on.
        await page.ClickAsync("#review-transition");
        var dialog = page.Locator(".confirm-modal");
        await Assertions.Expect(dialog).ToContainTextAsync("确定要结束投票吗？");
        await Assertions.Expect(dialog.Locator("label[for=close-share-1]")).ToHaveTextAsync("李国强的密钥份额");
        await page.FillAsync("#close-share-0", first);
        // The whole share shows in its box, to be checked against the slip.
        Assert.True(await page.Locator("#close-share-0").EvaluateAsync<bool>("e => e.scrollHeight <= e.clientHeight && e.scrollWidth <= e.clientWidth"),
            "the typed share does not fit its box");
        await page.ClickAsync(".confirm-modal .modal-ok");
        await Assertions.Expect(page.Locator("#close-error")).ToHaveTextAsync("需要全部监票人的密钥份额才能结束投票并计票：还缺 1 位（李国强）");
        await JishiServer.ScreenshotAsync(page, "sealed-close-missing-share");
        await Assertions.Expect(page.Locator(".review-head .review-status")).ToHaveTextAsync("投票中");
        using (var scope = server.Services.CreateScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<JishiDbContext>().ReviewCampaigns.AsNoTracking().SingleAsync(c => c.Id == campaign.Id);
            Assert.Equal(ReviewStatus.Open, stored.Status);
        }

        // The second share typed as people do: lower case, no dashes. The dialog kept the first.
        await Assertions.Expect(page.Locator("#close-share-0")).ToHaveValueAsync(first);
        await page.FillAsync("#close-share-1", second.Replace("-", "").ToLowerInvariant());
        await page.ClickAsync(".confirm-modal .modal-ok");
        await Assertions.Expect(page.Locator(".review-head .review-status")).ToHaveTextAsync("投票已结束");
        await AssertCountsAsync(page, campaign.Subjects[0].Name, 2, 1, 0, 0);
        await AssertCountsAsync(page, campaign.Subjects[1].Name, 1, 1, 0, 1);
        await AssertCountsAsync(page, campaign.Subjects[^1].Name, 1, 1, 0, 1);

        await ConfirmAsync(page, "公布结果", "已公布");
        await Assertions.Expect(page.Locator("#review-verify")).ToHaveAttributeAsync("href", $"/reviews/{campaign.Id}/verify");
        await page.GotoAsync($"/reviews/{campaign.Id}/verify");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("验证计票");
        await Assertions.Expect(page.Locator("[data-testid=verify-ok]")).ToContainTextAsync("验证通过：3 张加密选票");
        await Assertions.Expect(page.Locator("[data-testid=verify-failed]")).ToHaveCountAsync(0);
        await JishiServer.ScreenshotAsync(page, "sealed-verify");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CampaignPage_NoTrustees_WarnsInRedThatTheServerHoldsTheKey()
    {
        using var admin = await server.AdminClientAsync();
        var campaign = await DraftAsync(admin, "服务器保管密钥");
        var page = await server.LoginAsync(height: 768);
        await page.GotoAsync($"/reviews/{campaign.Id}");
        var warning = page.Locator("#trustee-panel #server-key-warning");
        await Assertions.Expect(warning).ToHaveTextAsync(
            "未指定监票人：投票密钥将由服务器保管到计票结束，能读取服务器数据的人在会议期间可以解密选票。请在开始投票前添加监票人。");
        await Assertions.Expect(warning).ToHaveCSSAsync("color", "rgb(207, 19, 34)");
        await Assertions.Expect(warning).ToBeInViewportAsync(new() { Ratio = 0.99f });
        await page.Context.CloseAsync();
    }

    /// <summary>Adds a trustee in the 选票密钥 panel and reads the share its slip shows once, beside a QR code.</summary>
    private static async Task<string> AddTrusteeAsync(IPage page, string name, string? screenshot)
    {
        await page.FillAsync("#trustee-name", name);
        await page.ClickAsync("#trustee-add");
        var slip = page.Locator(".share-modal [data-testid=share-slip]");
        await Assertions.Expect(slip).ToContainTextAsync($"监票人：{name}");
        await Assertions.Expect(slip.Locator(".qr svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".share-modal")).ToContainTextAsync($"请立即打印{name}的密钥份额");
        var share = (await slip.Locator("#share-text").InnerTextAsync()).Trim();
        Assert.Equal(56, share.Count(char.IsAsciiLetterOrDigit));
        // On a 768px-high screen the share and the buttons are seen without scrolling the dialog.
        await Assertions.Expect(slip.Locator("#share-text")).ToBeInViewportAsync(new() { Ratio = 0.99f });
        await Assertions.Expect(page.Locator(".share-modal .modal-ok")).ToBeInViewportAsync(new() { Ratio = 0.99f });
        if (screenshot is not null)
        {
            await JishiServer.ScreenshotAsync(page, screenshot);
            // Printed, the slip is alone on the paper.
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await Assertions.Expect(page.Locator(".app-header")).ToBeHiddenAsync();
            await Assertions.Expect(slip.Locator("#share-text")).ToBeVisibleAsync();
            await JishiServer.ScreenshotAsync(page, screenshot + "-print");
            await page.EmulateMediaAsync(new() { Media = Media.Screen });
        }
        await page.ClickAsync(".share-modal .modal-ok");
        await Assertions.Expect(slip).ToHaveCountAsync(0);
        return share;
    }

    private static async Task ConfirmAsync(IPage page, string action, string status)
    {
        await Assertions.Expect(page.Locator("#review-transition")).ToHaveTextAsync(action);
        await page.ClickAsync("#review-transition");
        await Assertions.Expect(page.Locator(".confirm-modal")).ToContainTextAsync($"确定要{action}吗？");
        await page.ClickAsync(".confirm-modal .modal-ok");
        await Assertions.Expect(page.Locator(".review-head .review-status")).ToHaveTextAsync(status);
    }

    /// <summary>The result row of a secretary counts 好, 较好, 一般 and 差 as given.</summary>
    private static async Task AssertCountsAsync(IPage page, string name, params int[] counts)
    {
        var cells = page.Locator("tr.result-row", new() { HasText = name }).Locator("td:nth-child(n+3):nth-child(-n+6)");
        await Assertions.Expect(cells).ToHaveTextAsync(counts.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
    }

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

    /// <summary>A draft campaign with the demo campaign's secretaries and voter groups.</summary>
    private static async Task<Campaign> DraftAsync(HttpClient admin, string title)
    {
        var demo = (await admin.GetFromJsonAsync<Campaign>($"/api/reviews/{DemoReview}"))!;
        var created = await admin.PostAsJsonAsync("/api/reviews", new
        {
            title = $"{demo.Title}（{title}）", year = 2016, meetingDate = "2016-02-13", ballotWeight = 0.4,
            subjects = demo.Subjects.Select(s => new { unitId = s.UnitId }),
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
