using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jishi.IntegrationTests.Infrastructure;

namespace Jishi.IntegrationTests.Platform;

/// <summary>The rate limits, on in a host of their own (three requests a minute per address and route): the fourth request
/// to login, token issue and each public endpoint answers 429 with a Chinese ProblemDetails and Retry-After, and one route's
/// limit does not spend another's (each case is a route of its own in the same host). Ballot codes have a limit of their
/// own that counts only failures (<see cref="GuessLimitTests"/>).</summary>
public sealed class RateLimitTests(RateLimitTests.LimitedFactory factory) : IClassFixture<RateLimitTests.LimitedFactory>
{
    public sealed class LimitedFactory : JishiFactory
    {
        protected override bool SeedDemo => false;

        protected override string SignInLimit => "3";

        protected override string PublicLimit => "3";
    }

    public static TheoryData<string, string> Routes => new()
    {
        { "POST", "/api/auth/token" },
        { "GET", "/login" },
        { "POST", "/api/wishes/public" },
        { "GET", "/v/not-a-code" },
        { "GET", "/wish/new" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Request_FourthInAMinute_429InChineseWithRetryAfter(string method, string path)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        Task<HttpResponseMessage> SendAsync() => client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? JsonContent.Create(new { userName = "nobody", password = "wrong-password" }) : null,
        });

        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await SendAsync()).StatusCode);
        }
        var refused = await SendAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("请求过于频繁", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("稍等一分钟", problem.RootElement.GetProperty("detail").GetString());
    }
}
