using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jishi.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using static Jishi.IntegrationTests.Reviews.ReviewApi;

namespace Jishi.IntegrationTests.Platform;

/// <summary>The limit against guessing ballot codes, on in a host of its own (20 failures a minute per address) behind a
/// trusted proxy, so each test names its client address: a hall behind one NAT address casts all its ballots, a guesser
/// is stopped, and a phone at another address is not.</summary>
public sealed partial class GuessLimitTests(GuessLimitTests.GuessingFactory factory) : IClassFixture<GuessLimitTests.GuessingFactory>
{
    public sealed class GuessingFactory : JishiFactory
    {
        protected override string GuessLimit => "20";

        protected override string PublicLimit => "60";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            FromProxyStartupFilter.Install(builder);
        }
    }

    private HttpClient PhoneAt(string address)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    /// <summary>A phone's whole visit to the ballot page: open, review, cast; answers the two posts' statuses.</summary>
    private static async Task<(HttpStatusCode Review, HttpStatusCode Cast)> VoteOnPageAsync(HttpClient phone, Review review, string token)
    {
        var page = await phone.GetStringAsync($"/ballot/{token}");
        var antiforgery = AntiforgeryField().Match(page).Groups[1].Value;
        FormUrlEncodedContent Form(string step) => new(review.Subjects.Select(s => KeyValuePair.Create("s" + s.Id, "好"))
            .Append(new("step", step)).Append(new("_handler", "ballot")).Append(new("__RequestVerificationToken", antiforgery)));
        var reviewed = await phone.PostAsync($"/ballot/{token}", Form("review"));
        var cast = await phone.PostAsync($"/ballot/{token}", Form("cast"));
        return (reviewed.StatusCode, cast.StatusCode);
    }

    [Fact]
    public async Task Ballots_120ValidFromOneAddressInAMinute_AllAccepted()
    {
        var admin = await factory.ClientForAsync("admin");
        var review = await CreateOpenAsync(admin, "会场满员", 3, "党员代表");
        var tokens = await IssueAsync(admin, review, 0, 120);

        // Ninety phones through the API and thirty through the HTML form, all from the hall's one NAT address.
        foreach (var (token, i) in tokens.Select((t, i) => (t, i)))
        {
            var phone = PhoneAt("10.14.0.1");
            if (i < 90)
            {
                Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync($"/api/ballots/{token}")).StatusCode);
                Assert.Equal(HttpStatusCode.Created, (await phone.PostAsJsonAsync($"/api/ballots/{token}", BallotFor(review, i))).StatusCode);
            }
            else
            {
                Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), await VoteOnPageAsync(phone, review, token));
            }
        }

        var turnout = await admin.GetFromJsonAsync<TurnoutRow>($"/api/reviews/{review.Id}/turnout");
        Assert.Equal(120, turnout!.Cast);
    }

    [Fact]
    public async Task Ballots_30UnknownCodesFromOneAddress_StoppedWith429_AnotherAddressStillVotes()
    {
        var admin = await factory.ClientForAsync("admin");
        var review = await CreateOpenAsync(admin, "猜码", 2, "党员代表");
        var tokens = await IssueAsync(admin, review, 0, 2);
        var guesser = PhoneAt("10.14.0.2");

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            var path = i % 2 == 0 ? $"/ballot/GUESS{i:0000000}" : $"/api/ballots/GUESS{i:0000000}";
            answers.Add((await guesser.GetAsync(path)).StatusCode);
        }

        Assert.Equal(20, answers.Count(a => a != HttpStatusCode.TooManyRequests));
        Assert.All(answers.Skip(20), a => Assert.Equal(HttpStatusCode.TooManyRequests, a));
        // Blocked before the lookup: even a valid code gets no answer from this address now.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await guesser.PostAsJsonAsync($"/api/ballots/{tokens[0]}", BallotFor(review, 0))).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await PhoneAt("10.14.0.3").PostAsJsonAsync($"/api/ballots/{tokens[0]}", BallotFor(review, 0))).StatusCode);
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), await VoteOnPageAsync(PhoneAt("10.14.0.4"), review, tokens[1]));
    }

    private sealed record TurnoutRow(int Issued, int Cast);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
