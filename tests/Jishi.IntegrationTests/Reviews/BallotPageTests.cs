using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jishi.IntegrationTests.Infrastructure;
using static Jishi.IntegrationTests.Reviews.ReviewApi;

namespace Jishi.IntegrationTests.Reviews;

/// <summary>The phone ballot as plain HTML over HTTP: it needs no script, so a form post is all a phone must do.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class BallotPageTests(JishiFactory factory)
{

    private async Task<(Review Review, string Token)> OpenReviewWithTokenAsync()
    {
        var admin = await factory.ClientForAsync("admin");
        var review = await CreateOpenAsync(admin, "页面测评", 3, "社区干部");
        return (review, (await IssueAsync(admin, review, 0, 1))[0]);
    }

    private static async Task<string> PostAsync(HttpClient client, string url, string page, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var antiforgery = AntiforgeryField().Match(page).Groups[1].Value;
        var body = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", antiforgery)).Append(new("_handler", "ballot")));
        var response = await client.PostAsync(url, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task BallotPage_RateConfirmCastRefresh_ReceiptAgainElsewhereOnly已投票()
    {
        var (review, token) = await OpenReviewWithTokenAsync();
        var client = factory.CreateClient();
        var url = $"/ballot/{token}";
        var page = await client.GetStringAsync(url);
        Assert.Contains("页面测评", page);
        Assert.All(review.Subjects, s => Assert.Contains(s.Name, page));
        Assert.DoesNotContain("blazor.web.js", page); // a plain HTML form: nothing to download but the page
        Assert.DoesNotContain("ant-design", page);

        // One subject left out: the form comes back with the count of those missing, nothing is cast.
        var partial = review.Subjects.Skip(1).Select(s => new KeyValuePair<string, string>("s" + s.Id, "较好")).Append(new("step", "review"));
        page = await PostAsync(client, url, page, partial);
        Assert.Contains("还有 1 位没有评价", page);

        var all = review.Subjects.Select((s, i) => new KeyValuePair<string, string>("s" + s.Id, i == 0 ? "好" : "一般")).ToList();
        page = await PostAsync(client, url, page, all.Append(new("step", "review")));
        Assert.Contains("确认提交", page);
        page = await PostAsync(client, url, page, all.Append(new("step", "cast")));
        var receipt = ReceiptCode().Match(page);
        Assert.True(receipt.Success, page);

        // Refresh on this phone: the receipt again, nothing of the ballot. Another phone with the code: each code works once.
        var again = await client.GetStringAsync(url);
        Assert.Equal(receipt.Groups[1].Value, ReceiptCode().Match(again).Groups[1].Value);
        Assert.DoesNotContain(review.Subjects[0].Name, again);
        var other = await factory.CreateClient().GetStringAsync(url);
        Assert.Contains("已投票", other);
        Assert.Contains("每个测评码只能投一次票", other);
        Assert.Contains("请告诉会场工作人员", other);
        Assert.DoesNotContain(review.Subjects[0].Name, other);
        Assert.DoesNotContain(receipt.Groups[1].Value, other);
    }

    [Fact]
    public async Task ShortAddress_LowerCaseCode_RedirectsToTheBallot()
    {
        var answer = await factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/b/abcd23456789");
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/ballot/ABCD23456789", answer.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task BallotPage_UnknownToken_SaysInvalid()
    {
        var page = await factory.CreateClient().GetStringAsync("/ballot/NOTATOKEN123");
        Assert.Contains("测评码无效", page);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("data-testid=\"receipt\">([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})<")]
    private static partial Regex ReceiptCode();
}
