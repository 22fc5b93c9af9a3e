using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Jishi.IntegrationTests.Faults;

/// <summary>The built server as its own process (<see cref="ServerProcess"/>) on an SQLite file of its own, with the demo, so
/// that a test can limit the size of the files the process may write (<see cref="LimitFileSizeAsync"/>) or make its files
/// immutable without touching the test host.</summary>
public sealed class FaultServer : IAsyncDisposable
{
    private readonly ServerProcess _server = new(Path.Combine(AppContext.BaseDirectory, "Jishi.Web.dll"), null, survivesFileSizeLimit: true);

    private FaultServer()
    {
    }

    public string DatabaseFile => new SqliteConnectionStringBuilder(_server.Database).DataSource;

    public HttpClient Client { get; private set; } = default!;

    public static async Task<FaultServer> StartAsync()
    {
        var server = new FaultServer();
        try
        {
            await server._server.StartAsync();
            server.Client = new HttpClient { BaseAddress = server._server.Address };
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
        var outcome = await ServerProcess.RunProgramAsync("prlimit", "--pid", _server.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"--fsize={(bytes is { } b ? b.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unlimited")}:");
        Assert.True(outcome.ExitCode == 0, "prlimit: " + outcome.Output);
    }

    /// <summary>A client with the bearer token of demo account <paramref name="userName"/>.</summary>
    public Task<HttpClient> ClientForAsync(string userName) => _server.ClientAsync(userName, connections: 10);

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

    /// <summary>Ends the server (kill -9: what is on disk must be whole without a clean shutdown).</summary>
    public void Stop() => _server.Kill();

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        SqliteConnection.ClearAllPools();
        await _server.DisposeAsync();
    }
}
