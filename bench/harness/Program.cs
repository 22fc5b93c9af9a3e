using System.Globalization;
using Jishi.Bench;
using Npgsql;

// bench/run.sh SCENARIO|all [--db sqlite|postgres] [--seconds N] [--warmup N] [--clients N] [--scale X] [--rows N] [--note TEXT]
// For each scenario: the Release server on a fresh database, the scenario's data, the ceilings and the load measured with
// the one load generator, checks, then one row appended to bench/results.md (ADR-010). Exit 1 when a check failed.
var options = Parse(args, out var scenarios);
var failed = false;
foreach (var name in scenarios)
{
    try
    {
        failed |= await RunAsync(name, Scenario.All[name](), options);
    }
    catch (Exception e) when (scenarios.Count > 1)
    {
        // One broken scenario must not cost the rest of an `all` run; it is reported and fails the exit code.
        Console.WriteLine($"== {name} FAILED: {e}");
        failed = true;
    }
}
return failed ? 1 : 0;

static async Task<bool> RunAsync(string name, Scenario scenario, HarnessOptions options)
{
    var loadBefore = BenchServer.LoadAverage().Split(' ')[0];
    var load = scenario.Load(options);
    var shape = load.MaxRequests is null ? $"{load.Clients} clients, {load.WarmUp.TotalSeconds:F0} s warm-up + {load.Duration.TotalSeconds:F0} s" : "one request";
    Console.WriteLine($"== {name} on {options.Db}: {shape}; load average {loadBefore}");
    var settings = new Dictionary<string, string> { ["Jishi__SeedDemo"] = scenario.SeedDemo ? "true" : "false" };
    string? postgresDatabase = null;
    if (options.Db == "postgres")
    {
        postgresDatabase = "bench_" + name.Replace('-', '_');
        settings["ConnectionStrings__Jishi"] = new NpgsqlConnectionStringBuilder(Cluster()) { Database = postgresDatabase, MaxPoolSize = 200 }.ConnectionString;
        settings["Database__Provider"] = "Postgres";
    }
    try
    {
        await using var server = await BenchServer.StartAsync(options.ServerDll, settings);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = server.Address,
            Timeout = TimeSpan.FromMinutes(10),
        };
        var run = new Run(server, options, http);
        await scenario.PrepareAsync(run);

        var result = await LoadGenerator.RunAsync(load, scenario.RequestAsync, server.CpuSeconds);
        var units = scenario.UnitsPerRequest(options);
        var rate = result.PerSecond * units;
        Console.WriteLine($"{name}: {rate:N0} {scenario.Unit}/s; {result}; server CPU {result.ServerCpu:F1} s");
        // The ceilings follow the load, before the checks, seconds from the scenario's window: measured before it, right after
        // the demo's seeding, they came out 2-4 times lower than on the city at the same machine load (the server not warm yet).
        var ceilingLoad = new LoadOptions(options.Clients, TimeSpan.FromSeconds(Math.Min(options.WarmUp, 2)), TimeSpan.FromSeconds(Math.Min(options.Seconds, 5)));
        var health = await Ceilings.HttpAsync(http, Ceilings.HealthPath, ceilingLoad);
        Console.WriteLine($"ceiling GET {Ceilings.HealthPath}: {health}");
        var bare = await Ceilings.HttpAsync(http, Ceilings.StaticPath, ceilingLoad);
        Console.WriteLine($"ceiling GET {Ceilings.StaticPath}: {bare}");
        LoadResult? ado = null;
        if (scenario.Writes)
        {
            ado = await Ceilings.AdoAsync(server, ceilingLoad);
            Console.WriteLine($"ceiling one-row transactions through ADO.NET: {ado}");
        }

        await scenario.CheckAsync(run);
        var peak = server.Memory().Peak;
        var version = await VersionAsync(server);

        // An import's rows are not requests: its throughput compares only with the rate of one-row transactions.
        var ratio = scenario.Writes
            ? $"{rate / ado!.PerSecond:F2} of ADO.NET" + (units == 1 ? $" ({rate / health.PerSecond:F2} of healthz)" : "")
            : $"{rate / health.PerSecond:F2} of healthz ({rate / bare.PerSecond:F2} of static)";
        Console.WriteLine($"{name}: ratio {ratio}; server peak RSS {peak} MB");
        var note = new List<string> { shape };
        if (result.Requests > 0)
        {
            note.Add($"server CPU {Latency(result.ServerCpu * 1000 / result.Requests)} a request");
        }
        note.AddRange(run.Notes);
        note.Add($"load average {loadBefore} → {BenchServer.LoadAverage().Split(' ')[0]}");
        if (options.Note.Length > 0)
        {
            note.Add(options.Note);
        }
        var ceilings = $"healthz {health.PerSecond:N0}/s; static {bare.PerSecond:N0}/s" + (ado is null ? "" : $"; ADO.NET {ado.PerSecond:N0} tx/s");
        Results.Append(options.ResultsFile,
        [
            DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), options.Commit, Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
            $"{Results.MemoryGigabytes():F1} GB", version, name, $"**{rate:N0} {scenario.Unit}/s**",
            Latency(result.P50), Latency(result.P95), Latency(result.P99), ceilings, ratio, $"{peak:N0} MB",
            result.Errors.ToString(CultureInfo.InvariantCulture), string.Join("; ", note),
        ]);
        return run.Failed || result.Errors > 0;
    }
    finally
    {
        if (postgresDatabase is not null)
        {
            await using var db = new NpgsqlConnection(Cluster());
            await db.OpenAsync();
            await Database.ExecAsync(db, $"DROP DATABASE IF EXISTS {postgresDatabase} WITH (FORCE)");
        }
    }
}

static string Latency(double ms) => ms < 10_000 ? $"{ms:F1} ms" : $"{ms / 1000:F1} s";

static string Cluster() => Environment.GetEnvironmentVariable("JISHI_BENCH_POSTGRES")
    ?? throw new InvalidOperationException("JISHI_BENCH_POSTGRES names the PostgreSQL server (bench/run.sh --db postgres starts one).");

static async Task<string> VersionAsync(BenchServer server)
{
    await using var db = await Database.OpenAsync(server);
    await using var command = Database.Command(db, Database.IsPostgres(server) ? "SHOW server_version" : "SELECT sqlite_version()");
    var version = Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture)!.Split(' ')[0];
    return Database.IsPostgres(server) ? $"PostgreSQL {version}" : $"SQLite {version}";
}

static HarnessOptions Parse(string[] args, out List<string> scenarios)
{
    var values = new Dictionary<string, string>
    {
        ["server"] = "src/Jishi.Web/bin/Release/net10.0/Jishi.Web.dll", ["db"] = "sqlite", ["seconds"] = "10", ["warmup"] = "3",
        ["clients"] = "50", ["scale"] = "0.01", ["rows"] = "50000", ["results"] = "bench/results.md", ["commit"] = "unknown", ["note"] = "",
    };
    scenarios = [];
    for (var i = 0; i < args.Length; i++)
    {
        if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length && values.ContainsKey(args[i][2..]))
        {
            values[args[i][2..]] = args[++i];
        }
        else if (args[i] == "all")
        {
            scenarios.AddRange(Scenario.All.Keys);
        }
        else if (Scenario.All.ContainsKey(args[i]))
        {
            scenarios.Add(args[i]);
        }
        else
        {
            throw new ArgumentException($"Unknown argument {args[i]}. Scenarios: {string.Join(", ", Scenario.All.Keys)}, all.");
        }
    }
    if (scenarios.Count == 0 || values["db"] is not ("sqlite" or "postgres"))
    {
        throw new ArgumentException($"Usage: bench/run.sh SCENARIO|all [--db sqlite|postgres] [--seconds N] [--warmup N] [--clients N] [--scale X] [--rows N] [--note TEXT]. Scenarios: {string.Join(", ", Scenario.All.Keys)}.");
    }
    int Int(string key) => int.Parse(values[key], CultureInfo.InvariantCulture);
    return new HarnessOptions(Path.GetFullPath(values["server"]), values["db"], Int("seconds"), Int("warmup"), Int("clients"),
        double.Parse(values["scale"], CultureInfo.InvariantCulture), Int("rows"), values["results"], values["commit"], values["note"]);
}
