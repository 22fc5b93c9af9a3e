using System.Net;
using System.Text.RegularExpressions;
using Jishi.IntegrationTests.Infrastructure;

namespace Jishi.IntegrationTests.Platform;

/// <summary>Security headers on pages, API answers (including refusals), static files and health; cookies HttpOnly and
/// SameSite, and the sign-in cookie only after a real form post with its antiforgery token.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class SecurityHeadersTests(JishiFactory factory)
{
    [Theory]
    [InlineData("/login")]
    [InlineData("/ballot/not-a-code")]
    [InlineData("/api/units")]
    [InlineData("/healthz")]
    [InlineData("/css/app.css")]
    public async Task Answer_AnyPath_CarriesSecurityHeaders(string path)
    {
        var response = await factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(path);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
    }

    [Fact]
    public async Task Login_FormWithAntiforgery_CookiesHttpOnlyAndSameSite()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var form = await client.GetAsync("/login");
        var antiforgery = Assert.Single(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);
        var token = AntiforgeryField().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;

        var withoutToken = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["Input.UserName"] = "admin", ["Input.Password"] = JishiFactory.AdminPassword,
            }),
        };
        withoutToken.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(withoutToken)).StatusCode);

        var post = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["__RequestVerificationToken"] = token,
                ["Input.UserName"] = "admin", ["Input.Password"] = JishiFactory.AdminPassword,
            }),
        };
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var signedIn = await client.SendAsync(post);

        var identity = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.Contains("httponly", identity, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", identity, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
