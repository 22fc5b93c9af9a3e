using System.Net;
using Jishi.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Jishi.IntegrationTests.Platform;

/// <summary>Behind a trusted reverse proxy that terminates HTTPS: cookies are Secure when the proxy says https and not
/// otherwise, and the sign-in rate limit counts each forwarded client address rather than the proxy's.</summary>
public sealed class ReverseProxyTests(ReverseProxyTests.ProxiedFactory factory) : IClassFixture<ReverseProxyTests.ProxiedFactory>
{
    public sealed class ProxiedFactory : JishiFactory
    {
        protected override bool SeedDemo => false;

        protected override string SignInLimit => "3";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            FromProxyStartupFilter.Install(builder);
        }
    }

    private async Task<HttpResponseMessage> LoginPageAsync(string? scheme, string client)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/login");
        request.Headers.Add("X-Forwarded-For", client);
        if (scheme is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", scheme);
        }
        return await factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }).SendAsync(request);
    }

    private static string AntiforgeryCookie(HttpResponseMessage response) =>
        Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));

    [Fact]
    public async Task LoginPage_ProxySaysHttps_AntiforgeryCookieSecure()
    {
        Assert.Contains("; secure", AntiforgeryCookie(await LoginPageAsync("https", "10.1.0.1")), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("; secure", AntiforgeryCookie(await LoginPageAsync(null, "10.1.0.2")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task LoginPage_FourthFromOnePhone_429ButAnotherPhoneBehindTheSameProxyGetsIn()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await LoginPageAsync(null, "10.2.0.1")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginPageAsync(null, "10.2.0.1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginPageAsync(null, "10.2.0.2")).StatusCode);
    }
}
