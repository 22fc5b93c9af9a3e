namespace Jishi.IntegrationTests.Faults;

/// <summary>A PostgreSQL cluster of the test's own, as scripts/lib/postgres.sh makes one (initdb in a temporary folder, trust
/// authentication, loopback only), that the test may stop and start again on the same port: the suite's shared server
/// must never go down under the other tests. As root the cluster runs as the postgres user, since initdb refuses root.</summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;

    private ThrowawayPostgres(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string DataFolder => Path.Combine(_folder, "data");

    /// <summary>A connection string to database <paramref name="database"/> on this cluster.</summary>
    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database}";

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb")))
            .OrderBy(b => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : new Version())
            .LastOrDefault() ?? throw new InvalidOperationException("PostgreSQL is not installed under /usr/lib/postgresql/*/bin.");
        // As root the folder belongs to postgres, which may not enter root's own temporary folder; /tmp it can.
        var folder = Directory.CreateDirectory(Path.Combine(Environment.IsPrivilegedProcess ? "/tmp" : Path.GetTempPath(),
            "jishi-outage-" + Guid.NewGuid().ToString("N")[..12])).FullName;
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", "postgres:", folder);
        }
        var cluster = new ThrowawayPostgres(bin, folder, ServerProcess.FreePort());
        try
        {
            await cluster.AsPostgresAsync("initdb", "-D", cluster.DataFolder, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C");
            await cluster.StartAgainAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the stopped cluster on its port again (waits until it accepts connections).</summary>
    public Task StartAgainAsync() => AsPostgresAsync("pg_ctl", "-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
        "start", "-o", $"-c listen_addresses=127.0.0.1 -c port={Port} -c unix_socket_directories='{_folder}' -c max_connections=200");

    /// <summary>Stops it the hard way, as a crash or a pulled cable would: no checkpoint, every connection cut.</summary>
    public Task StopImmediatelyAsync() => AsPostgresAsync("pg_ctl", "-D", DataFolder, "-m", "immediate", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            await StopImmediatelyAsync();
        }
        Directory.Delete(_folder, recursive: true);
    }

    private Task AsPostgresAsync(string program, params string[] args)
    {
        var path = Path.Combine(_bin, program);
        return Environment.IsPrivilegedProcess ? RunAsync("runuser", ["-u", "postgres", "--", path, .. args]) : RunAsync(path, args);
    }

    private static async Task RunAsync(string program, params string[] args)
    {
        var (exitCode, output) = await ServerProcess.RunProgramAsync(program, args);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {exitCode}: {output}");
        }
    }
}
