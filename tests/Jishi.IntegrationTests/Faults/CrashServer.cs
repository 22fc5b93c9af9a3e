namespace Jishi.IntegrationTests.Faults;

/// <summary>One <see cref="ServerProcess"/> with the demo for the crash and backup-under-load tests, on the suite's
/// provider: an SQLite file, or a fresh database on the server JISHI_TEST_POSTGRES names. The tests kill it; the next test
/// starts it again on the same database, as an operator would.</summary>
public sealed class CrashServer : IAsyncLifetime
{
    public ServerProcess Server { get; } = new(Path.Combine(AppContext.BaseDirectory, "Jishi.Web.dll"),
        Environment.GetEnvironmentVariable("JISHI_TEST_POSTGRES") is { Length: > 0 } postgres ? postgres : null);

    /// <summary>The seed of a test's random choices: JISHI_CRASH_SEED repeats a run, otherwise a new one each run.</summary>
    public static int Seed() =>
        int.TryParse(Environment.GetEnvironmentVariable("JISHI_CRASH_SEED"), out var seed) ? seed : Random.Shared.Next();

    public async Task<ServerProcess> RunningAsync()
    {
        if (!Server.Running)
        {
            await Server.StartAsync();
        }
        return Server;
    }

    /// <summary>The end of the server's log, for a failing assertion to show.</summary>
    public string LogTail() => string.Join('\n', Server.ReadLog().Split('\n').TakeLast(40));

    public Task InitializeAsync() => Server.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class CrashCollection : ICollectionFixture<CrashServer>
{
    public const string Name = "crash-server";
}
