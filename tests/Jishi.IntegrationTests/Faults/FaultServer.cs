using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Jishi.IntegrationTests.Faults;

/// <summary>The built Jishi.Web.dll as its own process on an SQLite file in a folder of its own, with the demo, so that a test can
/// limit the size of the files the process may write (<see cref="LimitFileSizeAsync"/>) without touching the test host. SIGXFSZ
/// is ignored as the process starts (ignored signals survive exec), so that a write past the limit fails with EFBIG, as on a full
/// disk, instead of killing the server.</summary>
public sealed class FaultServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private FaultServer(string folder, int port, Process process)
    {
        Folder = folder;
        _process = process;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public string Folder { get; }

    public string DatabaseFile => Path.Combine(Folder, "jishi.db");

    public HttpClient Client { get; }

    /// <summary>What the server wrote to its console, for a failure message.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<FaultServer> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("jishi-fault-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var a in new[] { "-c", "trap '' XFSZ; exec \"$@\"", "bash",
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", Path.Combine(AppContext.BaseDirectory, "Jishi.Web.dll") })
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Jishi"] = $"Data Source={Path.Combine(folder, "jishi.db")}";
        start.Environment["Jishi__SeedDemo"] = "true";
        start.Environment["Jishi__AdminPassword"] = JishiFactory.AdminPassword;
        start.Environment["Jishi__DemoPassword"] = JishiFactory.DemoPassword;
        start.Environment["Jishi__RateLimits__SignIn__PermitLimit"] = "0";
        start.Environment["Jishi__RateLimits__Public__PermitLimit"] = "0";
        var server = new FaultServer(folder, port, Process.Start(start)!);
        server._process.OutputDataReceived += server.Keep;
        server._process.ErrorDataReceived += server.Keep;
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilHealthyAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sets the largest file the server may write, in bytes (null: no limit), as <c>ulimit -f</c> would.</summary>
    public async Task LimitFileSizeAsync(long? bytes)
    {
        // Only the soft limit: lowering and raising it again under the hard limit needs no privilege.
        var outcome = await RunAsync("prlimit", "--pid", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"--fsize={(bytes is { } b ? b.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unlimited")}:");
        Assert.True(outcome.ExitCode == 0, "prlimit: " + outcome.Output);
    }

    /// <summary>Runs a program to its end; its exit code and everything it wrote.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] args)
    {
        // From / : a program run as another user (runuser) may not enter the test's working folder.
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await error);
    }

    /// <summary>A client with the bearer token of demo account <paramref name="userName"/>.</summary>
    public async Task<HttpClient> ClientForAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = Client.BaseAddress };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = JishiFactory.DemoPassword });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenAnswer>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    private sealed record TokenAnswer(string AccessToken);

    /// <summary>Works on the server's database from the test, beside the server (WAL lets both in).</summary>
    public async Task<T> WithDbAsync<T>(Func<JishiDbContext, Task<T>> work)
    {
        var options = new DbContextOptionsBuilder<JishiDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={DatabaseFile};Pooling=False");
        await using var db = new JishiDbContext(options.Options);
        return await work(db);
    }

    /// <summary>Active members of the community of demo account <paramref name="secretary"/>, in id order.</summary>
    public Task<List<int>> MembersOfAsync(string secretary) => WithDbAsync(async db =>
    {
        var path = await db.Units.Where(u => u.Id == db.Users.Where(a => a.UserName == secretary).Select(a => a.UnitId).Single())
            .Select(u => u.Path).SingleAsync();
        return await db.Members.Where(m => m.Unit!.Path.StartsWith(path) && m.Status == MemberStatus.Active)
            .OrderBy(m => m.Id).Select(m => m.Id).ToListAsync();
    });

    /// <summary>Stops the server as an operator would (SIGTERM) and waits for it.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }
        await RunAsync("kill", "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        Client.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    private async Task WaitUntilHealthyAsync()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(_process.HasExited, "The server stopped: " + Log);
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), "The server did not become healthy: " + Log);
            try
            {
                if ((await Client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
    }

    private void Keep(object sender, DataReceivedEventArgs e)
    {
        if (e.Data is { } line)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
