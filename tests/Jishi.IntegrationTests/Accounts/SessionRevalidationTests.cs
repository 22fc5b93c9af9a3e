using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Data;
using Jishi.Web.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Jishi.IntegrationTests.Accounts;

/// <summary>An open admin screen keeps its sign-in only while the account's security stamp and the cookie's expiry hold:
/// the circuit's check (<see cref="SessionRevalidation"/>) against a browser signed in through the login form.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class SessionRevalidationTests(JishiFactory factory)
{
    private const string Password = "Session-Test-2016";

    [Fact]
    public async Task Revalidation_SignedOutInAnotherTab_StampChangesAndReturnsFalse()
    {
        var browser = await SignedInBrowserAsync();
        var principal = await browser.PrincipalAsync();
        Assert.True(await ValidateAsync(principal));
        var stamp = await StampAsync(browser.UserName);

        var token = await browser.AntiforgeryAsync("/account/change-password");
        var signedOut = await browser.PostAsync("/account/logout", new() { ["__RequestVerificationToken"] = token, ["returnUrl"] = "/login" });

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.NotEqual(stamp, await StampAsync(browser.UserName));
        Assert.False(await ValidateAsync(principal));
    }

    [Fact]
    public async Task Revalidation_PasswordChangedOnChangePasswordPage_OldSignInReturnsFalseNewOneTrue()
    {
        var browser = await SignedInBrowserAsync();
        var principal = await browser.PrincipalAsync();
        var stamp = await StampAsync(browser.UserName);

        var token = await browser.AntiforgeryAsync("/account/change-password");
        var changed = await browser.PostAsync("/account/change-password", new()
        {
            ["_handler"] = "change-password", ["__RequestVerificationToken"] = token,
            ["Input.Current"] = Password, ["Input.New"] = "Session-New-2016", ["Input.Confirm"] = "Session-New-2016",
        });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.NotEqual(stamp, await StampAsync(browser.UserName));
        Assert.False(await ValidateAsync(principal));
        // The tab that changed it is signed in anew with the new stamp.
        Assert.True(await ValidateAsync(await browser.PrincipalAsync()));
    }

    [Fact]
    public async Task Revalidation_AdminResetsPassword_ReturnsFalse()
    {
        var browser = await SignedInBrowserAsync();
        var principal = await browser.PrincipalAsync();
        var admin = await factory.ClientForAsync("admin");

        var reset = await admin.PostAsJsonAsync($"/api/accounts/{browser.UserId}/reset-password", new { password = "Session-Reset-2016" });

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.False(await ValidateAsync(principal));
    }

    [Fact]
    public async Task Revalidation_CookieExpired_ReturnsFalse()
    {
        var browser = await SignedInBrowserAsync();
        var principal = await browser.PrincipalAsync();
        var expires = DateTimeOffset.FromUnixTimeSeconds(long.Parse(principal.FindFirstValue(SessionRevalidation.ExpiresClaim)!, CultureInfo.InvariantCulture));
        var clock = new FakeTimeProvider(expires.AddMinutes(-1));

        Assert.True(await ValidateAsync(principal, clock));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(await ValidateAsync(principal, clock));
    }

    [Fact]
    public async Task AdminPage_AfterSignOut_LoginPageSaysSessionEnded()
    {
        var browser = await SignedInBrowserAsync();
        var token = await browser.AntiforgeryAsync("/account/change-password");
        await browser.PostAsync("/account/logout", new() { ["__RequestVerificationToken"] = token, ["returnUrl"] = "/login" });

        var reload = await browser.GetAsync("/members");

        Assert.Equal(HttpStatusCode.Redirect, reload.StatusCode);
        Assert.Contains("ended=true", reload.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("登录已失效，请重新登录", await (await browser.GetAsync(reload.Headers.Location!.PathAndQuery)).Content.ReadAsStringAsync());
    }

    /// <summary>The provider as the circuits get it from DI, on <paramref name="clock"/> (the server's clock by default).</summary>
    private async Task<bool> ValidateAsync(ClaimsPrincipal principal, TimeProvider? clock = null)
    {
        var services = factory.Services;
        using var provider = new TestRevalidation(services.GetRequiredService<ILoggerFactory>(), services.GetRequiredService<IServiceScopeFactory>(),
            services.GetRequiredService<IOptions<IdentityOptions>>(), services.GetRequiredService<IOptions<SessionOptions>>(),
            clock ?? services.GetRequiredService<TimeProvider>());
        return await provider.ValidateAsync(new AuthenticationState(principal));
    }

    private sealed class TestRevalidation(ILoggerFactory logs, IServiceScopeFactory scopes, IOptions<IdentityOptions> identity,
        IOptions<SessionOptions> options, TimeProvider clock) : SessionRevalidation(logs, scopes, identity, options, clock)
    {
        public Task<bool> ValidateAsync(AuthenticationState state) => ValidateAuthenticationStateAsync(state, CancellationToken.None);
    }

    private async Task<string?> StampAsync(string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JishiDbContext>();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.SecurityStamp).SingleAsync();
    }

    /// <summary>A new account of its own (its stamp changes here) signed in through the login form.</summary>
    private async Task<Browser> SignedInBrowserAsync()
    {
        var userName = "session-" + Guid.NewGuid().ToString("N")[..8];
        int id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JishiDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var account = new AppUser { UserName = userName, DisplayName = "会话测试", UnitId = await db.Units.OrderBy(u => u.Id).Select(u => u.Id).FirstAsync() };
            Assert.True((await users.CreateAsync(account, Password)).Succeeded);
            id = account.Id;
        }
        var browser = new Browser(factory, userName, id);
        var token = await browser.AntiforgeryAsync("/login");
        var signedIn = await browser.PostAsync("/login", new()
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.UserName"] = userName, ["Input.Password"] = Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    /// <summary>A client that keeps its cookies where the test can read them, and follows no redirect.</summary>
    private sealed partial class Browser(JishiFactory factory, string userName, int userId)
    {
        private readonly HttpClient _client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        private readonly Dictionary<string, string> _cookies = [];

        public string UserName => userName;
        public int UserId => userId;

        public async Task<HttpResponseMessage> GetAsync(string path) => await SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

        public async Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> form) =>
            await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) });

        public async Task<string> AntiforgeryAsync(string path)
        {
            var page = await (await GetAsync(path)).Content.ReadAsStringAsync();
            return AntiforgeryField().Match(page).Groups[1].Value;
        }

        /// <summary>The user the sign-in cookie carries, as the cookie handler gives it to a request or a circuit.</summary>
        public async Task<ClaimsPrincipal> PrincipalAsync()
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
            http.Request.Headers.Cookie = CookieHeader;
            var result = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
            Assert.True(result.Succeeded);
            return result.Principal!;
        }

        private string CookieHeader => string.Join("; ", _cookies.Select(c => c.Key + "=" + c.Value));

        private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", CookieHeader);
            }
            var response = await _client.SendAsync(request);
            foreach (var set in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = set.Split(';')[0].Split('=', 2);
                if (set.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    _cookies.Remove(pair[0]);
                }
                else
                {
                    _cookies[pair[0]] = pair[1];
                }
            }
            return response;
        }

        [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
        private static partial Regex AntiforgeryField();
    }
}
