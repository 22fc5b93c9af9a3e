using System.Net;
using System.Text.RegularExpressions;
using Jishi.IntegrationTests.Infrastructure;

namespace Jishi.IntegrationTests.Reviews;

/// <summary>The printed token sheet, on a host of its own: it opens the demo campaign, which no other test may have done first.</summary>
public sealed partial class TokenSheetPageTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    [Fact]
    public async Task TokenSheet_IssueThree_PrintsThreeQrCardsWhoseCodesOpenTheBallot()
    {
        var admin = await factory.ClientForAsync("admin");
        (await admin.PostAsync("/api/reviews/1/open", null)).EnsureSuccessStatusCode(); // the demo campaign, still a draft here
        var page = await admin.GetStringAsync("/reviews/1/tokens");
        Assert.Contains("新当选社区两委成员", page);
        var group = GroupOption().Match(page).Groups[1].Value;
        var antiforgery = AntiforgeryField().Match(page).Groups[1].Value;
        var posted = await admin.PostAsync("/reviews/1/tokens", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "issue", ["__RequestVerificationToken"] = antiforgery, ["Form.VoterGroupId"] = group, ["Form.Count"] = "3",
        }));
        var sheet = await posted.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var codes = CardCode().Matches(sheet).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(3, codes.Count);
        Assert.Equal(3, Regex.Matches(sheet, "<svg").Count);
        // The test host is not reachable from a phone: the sheet says so and names the one switch, not a raw address key.
        Assert.Contains("手机打不开", sheet);
        Assert.Contains("Jishi:Lan=true", sheet);
        Assert.Contains("会场模式", sheet);
        Assert.DoesNotContain("PublicUrl", sheet);
        Assert.All(codes, c => Assert.Contains($"/b/{c}<", sheet)); // the short address to type under each QR code
        var voter = factory.CreateClient();
        foreach (var code in codes)
        {
            Assert.Equal(HttpStatusCode.OK, (await voter.GetAsync($"/api/ballots/{code}")).StatusCode);
        }
    }

    [Fact]
    public async Task TokenSheet_CommunitySecretary_CannotOpen()
    {
        var secretary = await factory.ClientForAsync("sq01");
        var response = await secretary.GetAsync("/reviews/1/tokens");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [GeneratedRegex("<option value=\"(\\d+)\"")]
    private static partial Regex GroupOption();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("class=\"code\">([0-9A-Z]{12})<")]
    private static partial Regex CardCode();
}
