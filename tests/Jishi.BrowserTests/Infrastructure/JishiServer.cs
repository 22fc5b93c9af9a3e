using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Jishi.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Jishi.BrowserTests.Infrastructure;

/// <summary>The real product on Kestrel at a free loopback port, on a fresh SQLite database with the 七里墩 demo (a subclass
/// may start without it), and Debian's Chromium driven by Playwright (never a downloaded browser). The server runs on
/// <see cref="Clock"/> (<see cref="TestClock"/>, later than the browser's real clock, so its cookies stay alive).</summary>
public class JishiServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminPassword = "Admin-Test-2016";
    public const string DemoPassword = "Demo-Test-2016";
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _sqliteFile = Path.Combine(Path.GetTempPath(), "jishi-browser-tests", Guid.NewGuid().ToString("N") + ".db");
    private IPlaywright? _playwright;

    public string BackupFolder { get; } = Path.Combine(Path.GetTempPath(), "jishi-browser-tests", "backups-" + Guid.NewGuid().ToString("N"));

    /// <summary>The server's clock: what a test reads for "now" or "today", and moves on when it needs time to pass.</summary>
    public FakeTimeProvider Clock { get; } = TestClock.Create();

    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    protected virtual bool SeedDemo => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_sqliteFile)!);
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Jishi", $"Data Source={_sqliteFile}");
        builder.UseSetting("Jishi:SeedDemo", SeedDemo ? "true" : "false");
        // The browser logs in from one address all through the suite.
        builder.UseSetting("Jishi:RateLimits:SignIn:PermitLimit", "0");
        builder.UseSetting("Jishi:RateLimits:Public:PermitLimit", "0");
        builder.UseSetting("Jishi:RateLimits:Guess:PermitLimit", "0");
        builder.UseSetting("Jishi:AdminPassword", AdminPassword);
        builder.UseSetting("Jishi:DemoPassword", DemoPassword);
        // Open screens check their sign-in every second, so a test sees a session end without waiting a minute.
        builder.UseSetting("Jishi:Session:RevalidationInterval", "00:00:01");
        // The demo as its 2016 story is written (DemoCalendar): the tests read its dates.
        builder.UseSetting("Jishi:DemoToday", "2016-12-31");
        // Backups of 系统维护 go into a folder of this server's own; none is scheduled.
        builder.UseSetting("Jishi:Backup:Folder", BackupFolder);
        builder.UseSetting("Jishi:Backup:Daily", "");
        builder.UseEnvironment("Testing");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public async Task InitializeAsync()
    {
        // Waits as long as actions do: a loaded CI machine can take more than the default 5 s to answer an upload.
        Assertions.SetDefaultExpectTimeout(15_000);
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A fresh browser context (own cookies) with a desk-sized or a given viewport.</summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 850)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A phone-sized touch page (390 × 844, as an evaluator's phone) in a fresh context; a phone's own browser may
    /// be given by its user agent, and its scripts may be off.</summary>
    public async Task<IPage> PhoneAsync(string? userAgent = null, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 3,
            IsMobile = true,
            HasTouch = true,
            UserAgent = userAgent,
            JavaScriptEnabled = javaScript,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    private sealed record TokenAnswer(string AccessToken);

    /// <summary>An API client signed in as the admin with a bearer token.</summary>
    public async Task<HttpClient> AdminClientAsync()
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var token = await client.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = AdminPassword });
        token.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await token.Content.ReadFromJsonAsync<TokenAnswer>())!.AccessToken);
        return client;
    }

    /// <summary>Signs in through the login form and waits for the admin layout's circuit to be live.</summary>
    public async Task<IPage> LoginAsync(string userName = "admin", string? password = null, int width = 1366, int height = 850)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync("/login");
        await SubmitLoginAsync(page, userName, password ?? (userName == "admin" ? AdminPassword : DemoPassword));
        await page.WaitForSelectorAsync(".app-header");
        await WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>Fills and sends the login form shown on <paramref name="page"/>.</summary>
    public static async Task SubmitLoginAsync(IPage page, string userName, string password)
    {
        await page.FillAsync("input[name='Input.UserName']", userName);
        await page.FillAsync("input[name='Input.Password']", password);
        await page.ClickAsync("button[type=submit]");
    }

    /// <summary>Types into an input of a dialog that has just opened. Its first render may land after the typing and put
    /// back the initial value, so the typing waits for the dialog to have opened, and types again while the input does not
    /// hold the value.</summary>
    public static async Task FillDialogInputAsync(IPage page, string selector, string value)
    {
        var input = page.Locator(selector);
        await WaitForAnimationsAsync(page);
        for (var attempt = 1; ; attempt++)
        {
            await input.FillAsync(value);
            try
            {
                await Assertions.Expect(input).ToHaveValueAsync(value, new LocatorAssertionsToHaveValueOptions { Timeout = 2000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                // A late render put the old value back: type it again.
            }
        }
    }

    /// <summary>Waits until no CSS animation or transition is running (a dialog's zoom, a drop-down's slide; endless ones such
    /// as a spinner do not count), so that a click lands on what stays and a screenshot shows the settled screen.</summary>
    public static async Task WaitForAnimationsAsync(IPage page) =>
        await page.WaitForFunctionAsync(
            "() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)");

    /// <summary>Opens a unit picker (AntDesign TreeSelect) and chooses the unit titled <paramref name="title"/>. On a busy
    /// machine the first click can land before the dialog's picker listens, so the picker is clicked again until the unit
    /// shows (not Escape, which would close the dialog).</summary>
    public static async Task PickUnitAsync(IPage page, string selectSelector, string title)
    {
        var option = page.Locator($".ant-select-dropdown .ant-tree-node-content-wrapper[title='{title}'] >> visible=true");
        for (var attempt = 1; ; attempt++)
        {
            await page.ClickAsync(selectSelector);
            try
            {
                await option.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 5000 });
                break;
            }
            catch (TimeoutException) when (attempt < 4)
            {
                // Not open (the click came too early) or closed by a second click: the next click opens it.
            }
        }
        await option.First.ClickAsync();
    }

    /// <summary>Opens an AntDesign Select and chooses the option labelled <paramref name="label"/>. The first click can land
    /// before the select listens, so it is clicked again until the option shows.</summary>
    public static async Task PickOptionAsync(IPage page, string selectSelector, string label)
    {
        var option = page.Locator($".ant-select-dropdown .ant-select-item-option[aria-label='{label}'] >> visible=true");
        for (var attempt = 1; ; attempt++)
        {
            await page.ClickAsync(selectSelector);
            try
            {
                await option.WaitForAsync(new LocatorWaitForOptions { Timeout = 5000 });
                break;
            }
            catch (TimeoutException) when (attempt < 4)
            {
                // Not open yet: the next click opens it.
            }
        }
        await option.ClickAsync();
    }

    /// <summary>Waits until Blazor's interactive circuit has attached, so clicks reach their handlers.</summary>
    public static async Task WaitForCircuitAsync(IPage page)
    {
        await page.WaitForSelectorAsync("#app-interactive", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
        {
            File.Delete(f);
        }
        if (Directory.Exists(BackupFolder))
        {
            Directory.Delete(BackupFolder, recursive: true);
        }
    }
}

/// <summary>One server and browser shared by the browser tests (starting them costs seconds).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<JishiServer>
{
    public const string Name = "browser";
}
