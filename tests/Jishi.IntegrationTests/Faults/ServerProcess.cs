using System.Data.Common;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jishi.IntegrationTests.Faults;

/// <summary>The built server as its own process (<c>dotnet Jishi.Web.dll --urls http://127.0.0.1:PORT</c>), as an operator
/// runs it, on a fresh database with the demo: an SQLite file in a temporary folder, or a new database on the PostgreSQL
/// server <paramref name="postgresServer"/> names. <see cref="Kill"/> ends it with SIGKILL (no shutdown, no flush, no
/// disposal), and <see cref="StartAsync"/> starts it again on the same database. Shared by the crash and backup-under-load
/// tests and linked into bench/crash, so that the long form drives the server exactly as the tests do. With
/// <paramref name="survivesFileSizeLimit"/> SIGXFSZ is ignored as the process starts (ignored signals survive exec), so that
/// a write past a file-size limit (the disk tests' full disk) fails with EFBIG instead of killing the server.</summary>
public sealed class ServerProcess(string serverDll, string? postgresServer, bool survivesFileSizeLimit = false) : IAsyncDisposable
{
    public const string AdminPassword = "Crash-Admin-2016";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("jishi-crash-");
    private readonly List<string> _databases = [];
    private readonly Lock _logLock = new();
    private Process? _process;
    private string? _database;

    public string Provider => postgresServer is null ? "Sqlite" : "Postgres";
    public bool IsPostgres => postgresServer is not null;

    public Uri Address { get; private set; } = new("http://127.0.0.1");
    public bool Running => _process is { HasExited: false };

    public int Pid => _process?.Id ?? throw new InvalidOperationException("The server is not running.");

    /// <summary>Everything the server printed, of every start, for a failing test to show.</summary>
    public string LogFile => Path.Combine(_folder.FullName, "server.log");

    /// <summary>A fresh database beside the server's (for a restore): a file in the folder, or a new database name on the
    /// server; it is removed with the server's.</summary>
    public string NewDatabase(string name)
    {
        if (postgresServer is null)
        {
            return $"Data Source={Path.Combine(_folder.FullName, name + ".db")}";
        }
        var database = $"jishi_{name}_{Guid.NewGuid().ToString("N")[..12]}";
        _databases.Add(database);
        // A small pool: the suite's other hosts share the server's connections.
        return new NpgsqlConnectionStringBuilder(postgresServer) { Database = database, MaxPoolSize = 30 }.ConnectionString;
    }

    /// <summary>The server's database (a connection string), created by its migrations on the first start.</summary>
    public string Database => _database ??= NewDatabase("server");

    /// <summary>Starts the server (again) on its database, on a new free port, and waits until /healthz answers.</summary>
    public async Task StartAsync()
    {
        if (Running)
        {
            throw new InvalidOperationException("The server is running.");
        }
        var port = FreePort();
        var start = Start(["--urls", $"http://127.0.0.1:{port}"], Database);
        start.Environment["Jishi__SeedDemo"] = "true";
        start.Environment["Jishi__AdminPassword"] = AdminPassword;
        start.Environment["Jishi__DemoPassword"] = AdminPassword;
        start.Environment["Jishi__DemoToday"] = "2016-12-31";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // The load comes from one address: the limits are for people, not for the test.
        start.Environment["Jishi__RateLimits__SignIn__PermitLimit"] = "0";
        start.Environment["Jishi__RateLimits__Public__PermitLimit"] = "0";
        start.Environment["Jishi__RateLimits__Guess__PermitLimit"] = "0";
        if (survivesFileSizeLimit)
        {
            string[] command = ["-c", "trap '' XFSZ; exec \"$@\"", "bash", start.FileName, .. start.ArgumentList];
            start.FileName = "bash";
            start.ArgumentList.Clear();
            command.ToList().ForEach(start.ArgumentList.Add);
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Log(e.Data);
        process.ErrorDataReceived += (_, e) => Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Address = new Uri($"http://127.0.0.1:{port}");
        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {process.ExitCode}:\n{ReadLog()}");
            }
            try
            {
                if ((await probe.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The server did not answer /healthz:\n{ReadLog()}");
    }

    /// <summary>kill -9: the process ends at once, whatever it was writing.</summary>
    public void Kill()
    {
        if (_process is { } process)
        {
            // SIGKILL on Linux, to the server alone: walking a process tree first would give its requests time to finish.
            process.Kill();
            process.WaitForExit();
            process.Dispose();
            _process = null;
            Log("=== killed ===");
        }
    }

    /// <summary>A client of the running server; with a user name it carries that user's bearer token.</summary>
    public async Task<HttpClient> ClientAsync(string? userName, int connections)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections })
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromMinutes(2),
        };
        if (userName is not null)
        {
            var answer = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = AdminPassword });
            answer.EnsureSuccessStatusCode();
            var token = await answer.Content.ReadFromJsonAsync<TokenAnswer>();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        }
        return client;
    }

    public sealed record Outcome(int ExitCode, string Output, string Error);

    /// <summary>Runs <c>jishi ARGS</c> as an operator would, as another process, on <paramref name="connectionString"/>
    /// (the server's database unless told).</summary>
    public async Task<Outcome> RunAsync(string? connectionString, params string[] args)
    {
        var start = Start(args, connectionString ?? Database);
        start.RedirectStandardInput = true;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // No timeout of its own: a command that hangs is the test host's hang timeout's to report.
        await process.WaitForExitAsync();
        return new Outcome(process.ExitCode, await output, await error);
    }

    /// <summary>A connection to <paramref name="connectionString"/> (the server's database unless told), opened.</summary>
    public async Task<DbConnection> OpenAsync(string? connectionString = null)
    {
        DbConnection connection = IsPostgres
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString ?? Database) { Pooling = false }.ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder(connectionString ?? Database) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public string ReadLog()
    {
        lock (_logLock)
        {
            return File.Exists(LogFile) ? File.ReadAllText(LogFile) : "";
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        if (postgresServer is not null && _databases.Count > 0)
        {
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgresServer) { Pooling = false }.ConnectionString);
            await admin.OpenAsync();
            foreach (var database in _databases)
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
        }
        _folder.Delete(recursive: true);
    }

    private ProcessStartInfo Start(IEnumerable<string> args, string connectionString)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder.FullName,
        };
        start.ArgumentList.Add(Path.GetFullPath(serverDll));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["Database__Provider"] = Provider;
        start.Environment["ConnectionStrings__Jishi"] = connectionString;
        return start;
    }

    private void Log(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_logLock)
        {
            File.AppendAllText(LogFile, line + "\n");
        }
    }

    /// <summary>Runs a program to its end from / (a program run as another user, through runuser, may not enter the test's
    /// folder): its exit code and everything it wrote.</summary>
    public static async Task<(int ExitCode, string Output)> RunProgramAsync(string program, params string[] args)
    {
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

    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record TokenAnswer(string AccessToken);
}
