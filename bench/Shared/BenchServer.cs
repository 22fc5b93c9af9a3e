using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace Jishi.Bench;

/// <summary>A Jishi server in its own process on a fresh SQLite database (the demo loaded) on a free loopback port, with
/// an admin client, its memory and CPU time read from /proc. Shared by the benchmarks under bench/.</summary>
public sealed class BenchServer : IAsyncDisposable
{
    public const string AdminPassword = "Bench-Admin-2016";

    private readonly Process _process;
    private readonly DirectoryInfo _work;

    private BenchServer(Process process, DirectoryInfo work, HttpClient admin, Uri address, IReadOnlyDictionary<string, string> environment)
    {
        _process = process;
        _work = work;
        Admin = admin;
        Address = address;
        Environment = environment;
    }

    public HttpClient Admin { get; }
    public Uri Address { get; }
    public int Pid => _process.Id;
    public string WorkFolder => _work.FullName;

    /// <summary>The server's database and admin settings, for running a command (<c>verify-ledger</c>) on its database.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <param name="settings">Environment variables that replace or add to the defaults (another database, <c>Jishi__SeedDemo</c>).</param>
    public static async Task<BenchServer> StartAsync(string serverDll, IReadOnlyDictionary<string, string>? settings = null)
    {
        var work = Directory.CreateTempSubdirectory("jishi-bench-");
        var port = FreePort();
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Jishi"] = $"Data Source={Path.Combine(work.FullName, "bench.db")}",
            ["Database__Provider"] = "Sqlite",
            ["JISHI_ADMIN_PASSWORD"] = AdminPassword,
            ["Logging__LogLevel__Default"] = "Warning",
            // The demo as its 2016 story is written (DemoCalendar): the scenarios use its dates.
            ["Jishi__DemoToday"] = "2016-12-31",
            // The load comes from one address; the limits are for people, not for the benchmark.
            ["Jishi__RateLimits__SignIn__PermitLimit"] = "0",
            ["Jishi__RateLimits__Public__PermitLimit"] = "0",
            ["Jishi__RateLimits__Guess__PermitLimit"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        var start = new ProcessStartInfo("dotnet", [Path.GetFullPath(serverDll), "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            WorkingDirectory = work.FullName,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        var address = new Uri($"http://127.0.0.1:{port}");
        var admin = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(30) };
        await WaitHealthyAsync(admin);
        var token = await (await admin.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = AdminPassword }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<Token>();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return new BenchServer(process, work, admin, address, environment);
    }

    /// <summary>VmRSS and VmHWM (the peak resident set) of the server, in MB.</summary>
    public (long Rss, long Peak) Memory()
    {
        var status = File.ReadAllLines($"/proc/{Pid}/status");
        long Field(string name) => long.Parse(status.Single(l => l.StartsWith(name + ":", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        return (Field("VmRSS"), Field("VmHWM"));
    }

    /// <summary>User plus system CPU time of the server (clock ticks of 1/100 s).</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    public static string LoadAverage() => File.ReadAllText("/proc/loadavg")[..14];

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _work.Delete(recursive: true);
    }

    private static async Task WaitHealthyAsync(HttpClient http)
    {
        for (var i = 0; i < 240; i++)
        {
            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(500);
        }
        throw new TimeoutException("The server did not start.");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed record Token(string AccessToken, DateTime ExpiresAt);
}

public sealed record UnitRow(int Id, int? ParentId, string Kind, string Name);
