using Jishi.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Jishi.BrowserTests;

/// <summary>The Content-Security-Policy allows scripts from our own files only: the admin screens still come alive, the
/// dashboard's charts are drawn, the phone pages and print buttons work, and no page reports a blocked script.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(JishiServer server)
{
    // Runs before any page script, outside the page's policy, and keeps what the browser reports as blocked.
    private const string Recorder = """
        window.__blocked = [];
        document.addEventListener("securitypolicyviolation", e => window.__blocked.push(e.violatedDirective + " " + (e.blockedURI || "inline")));
        window.print = () => { window.__printed = true; };
        """;

    private static async Task<IPage> RecordingAsync(IPage page)
    {
        await page.Context.AddInitScriptAsync(Recorder);
        return page;
    }

    private static async Task AssertNothingBlockedAsync(IPage page) =>
        Assert.Empty(await page.EvaluateAsync<string[]>("window.__blocked"));

    [Fact]
    public async Task AdminScreens_ScriptsFromOwnFilesOnly_InteractiveAndNothingBlocked()
    {
        var page = await RecordingAsync(await server.NewPageAsync());
        await page.GotoAsync("/login");
        await JishiServer.SubmitLoginAsync(page, "admin", JishiServer.AdminPassword);
        await page.WaitForSelectorAsync(".app-header");

        foreach (var path in new[] { "/", "/members", "/reviews/1", "/points?year=2016", "/dashboard?year=2016" })
        {
            await page.GotoAsync(path);
            await JishiServer.WaitForCircuitAsync(page);
            await AssertNothingBlockedAsync(page);
        }
        await Assertions.Expect(page.Locator(".dash-panel[data-panel='review-results'] canvas")).ToHaveCountAsync(1);

        await page.GotoAsync("/dashboard/screen?year=2016");
        await Assertions.Expect(page.Locator(".dash-screen .dash-panel.dash-current canvas")).ToHaveCountAsync(1);
        await AssertNothingBlockedAsync(page);

        using var admin = await server.AdminClientAsync();
        var street = System.Text.RegularExpressions.Regex.Match(await admin.GetStringAsync("/api/units"), "\"id\":(\\d+)").Groups[1].Value;
        await page.GotoAsync($"/board/pledges/{street}");
        await page.ClickAsync("[data-print]");
        Assert.True(await page.EvaluateAsync<bool>("window.__printed === true"));
        await AssertNothingBlockedAsync(page);
    }

    [Fact]
    public async Task PublicPages_ScriptsFromOwnFilesOnly_NothingBlocked()
    {
        var page = await RecordingAsync(await server.PhoneAsync());
        foreach (var path in new[] { "/login", "/wish/new", "/ballot/not-a-code" })
        {
            var response = await page.GotoAsync(path);
            Assert.Contains("script-src 'self'", response!.Headers["content-security-policy"]);
            Assert.DoesNotContain("unsafe-inline", response.Headers["content-security-policy"]);
            await AssertNothingBlockedAsync(page);
        }
    }
}
