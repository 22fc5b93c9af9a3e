namespace Jishi.Bench;

/// <summary>The harness's settings (bench/run.sh passes them through).</summary>
public sealed record HarnessOptions(string ServerDll, string Db, int Seconds, int WarmUp, int Clients, double Scale, int Rows,
    string ResultsFile, string Commit, string Note);

/// <summary>One scenario's run: the server on its fresh database, an HTTP client sized for the load, and what the scenario
/// adds to the row's note.</summary>
public sealed class Run(BenchServer server, HarnessOptions options, HttpClient http)
{
    public BenchServer Server => server;
    public HarnessOptions Options => options;

    /// <summary>The load's client: one connection per concurrent client, kept open.</summary>
    public HttpClient Http => http;

    public List<string> Notes { get; } = [];

    /// <summary>Set when a check after the load found something wrong (the harness then exits 1).</summary>
    public bool Failed { get; set; }

    public void Check(bool ok, string what)
    {
        Notes.Add(ok ? what : $"**CHECK FAILED: {what}**");
        Failed |= !ok;
    }
}

/// <summary>A scenario prepares its data on the fresh server, then answers the load generator's calls; write scenarios are
/// compared with the ADO.NET write ceiling, reads with <c>/healthz</c> (ADR-010).</summary>
public abstract class Scenario
{
    public static readonly IReadOnlyDictionary<string, Func<Scenario>> All = new Dictionary<string, Func<Scenario>>
    {
        ["ballots"] = () => new BallotsScenario(),
        ["awards"] = () => new AwardsScenario(),
        ["redemptions"] = () => new RedemptionsScenario(),
        ["statement"] = () => new StatementScenario(),
        ["leaderboard"] = () => new LeaderboardScenario(),
        ["import"] = () => new ImportScenario(),
        ["year-end"] = () => new YearEndScenario(),
    };

    public abstract bool Writes { get; }

    /// <summary>Whether the server starts with the 七里墩 demo (otherwise empty but for the first street and admin).</summary>
    public virtual bool SeedDemo => true;

    /// <summary>What the throughput counts ("ballots"); a request may carry several (an import's rows).</summary>
    public virtual string Unit => "requests";

    public virtual double UnitsPerRequest(HarnessOptions options) => 1;

    public virtual LoadOptions Load(HarnessOptions options) =>
        new(options.Clients, TimeSpan.FromSeconds(options.WarmUp), TimeSpan.FromSeconds(options.Seconds));

    public abstract Task PrepareAsync(Run run);

    /// <summary>One request of the load: true when answered 2xx, null when the prepared work has run out.</summary>
    public abstract Task<bool?> RequestAsync(Random random);

    /// <summary>After the load: checks and extra figures for the note.</summary>
    public virtual Task CheckAsync(Run run) => Task.CompletedTask;
}

/// <summary>A scenario on the generated city (<see cref="City"/>), at <c>--scale</c>.</summary>
public abstract class CityScenario : Scenario
{
    protected City City { get; private set; } = null!;
    protected HttpClient Http { get; private set; } = null!;

    public override bool SeedDemo => false;

    public override async Task PrepareAsync(Run run)
    {
        Http = run.Http;
        City = await City.GenerateAsync(run.Server, run.Http, run.Options.Scale);
        run.Notes.Add($"city scale {run.Options.Scale} ({City.MemberIds.Length:N0} members)");
    }

    protected async Task<bool?> SendAsync(HttpMethod method, string url, int street, object? body = null) =>
        await LoadGenerator.SendAsync(Http, City.Request(method, url, street, body));
}
