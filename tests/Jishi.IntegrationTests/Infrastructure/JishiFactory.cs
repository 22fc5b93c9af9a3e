using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Jishi.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Jishi.IntegrationTests.Infrastructure;

/// <summary>The product on a fresh database built by its migrations, with the 七里墩 demo loaded. SQLite by default;
/// PostgreSQL when JISHI_TEST_POSTGRES holds a connection string to a server (a new database per factory). The host runs
/// on <see cref="Clock"/>, a fake clock (<see cref="TestClock"/>) unless a subclass brings its own.</summary>
public class JishiFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Admin-Test-2016";
    public const string DemoPassword = "Demo-Test-2016";

    private readonly string _connectionString;
    private readonly string? _postgresServer;
    private readonly string? _databaseName;
    private readonly string? _sqliteFile;

    public JishiFactory() : this(TestClock.Create())
    {
    }

    protected JishiFactory(FakeTimeProvider clock)
    {
        Clock = clock;
        _postgresServer = Environment.GetEnvironmentVariable("JISHI_TEST_POSTGRES");
        if (IsPostgres)
        {
            _databaseName = "jishi_test_" + Guid.NewGuid().ToString("N")[..12];
            // Several factories run at once against one server: a smaller pool each keeps them under its max_connections.
            _connectionString = new NpgsqlConnectionStringBuilder(_postgresServer) { Database = _databaseName, MaxPoolSize = 40 }.ConnectionString;
        }
        else
        {
            var folder = Path.Combine(Path.GetTempPath(), "jishi-tests");
            Directory.CreateDirectory(folder);
            _sqliteFile = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".db");
            _connectionString = $"Data Source={_sqliteFile}";
        }
    }

    /// <summary>The host's clock: what a test reads for "now" or "today", and moves on when it needs time to pass.</summary>
    public FakeTimeProvider Clock { get; }

    public bool IsPostgres => !string.IsNullOrEmpty(_postgresServer);
    public string ConnectionString => _connectionString;
    public string Provider => IsPostgres ? "Postgres" : "Sqlite";

    /// <summary>Loads the demo street on first start; a subclass may turn it off.</summary>
    protected virtual bool SeedDemo => true;

    /// <summary>Requests a minute per address and route; "0" is no limit.</summary>
    protected virtual string SignInLimit => "0";

    protected virtual string PublicLimit => "0";

    /// <summary>Failed ballot codes an address may try a minute (0: off).</summary>
    protected virtual string GuessLimit => "0";

    /// <summary>Where this host writes its backups: a folder of its own, removed with it.</summary>
    public string BackupFolder { get; } = Path.Combine(Path.GetTempPath(), "jishi-test-backups", Guid.NewGuid().ToString("N"));

    /// <summary>The daily backup's time ("HH:mm"); none by default, so that no test host backs up on the real clock.</summary>
    protected virtual string BackupDaily => "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Jishi", _connectionString);
        builder.UseSetting("Jishi:SeedDemo", SeedDemo ? "true" : "false");
        builder.UseSetting("Jishi:AdminPassword", AdminPassword);
        builder.UseSetting("Jishi:DemoPassword", DemoPassword);
        // The demo as its 2016 story is written (DemoCalendar): the tests read its dates.
        builder.UseSetting("Jishi:DemoToday", "2016-12-31");
        // Every test client comes from one address; RateLimitTests turns the limits on in a host of its own.
        builder.UseSetting("Jishi:RateLimits:SignIn:PermitLimit", SignInLimit);
        builder.UseSetting("Jishi:RateLimits:Public:PermitLimit", PublicLimit);
        builder.UseSetting("Jishi:RateLimits:Guess:PermitLimit", GuessLimit);
        builder.UseSetting("Jishi:Backup:Folder", BackupFolder);
        builder.UseSetting("Jishi:Backup:Daily", BackupDaily);
        builder.UseEnvironment("Testing");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A client carrying a bearer token of <paramref name="userName"/> (admin or a demo account).</summary>
    public async Task<HttpClient> ClientForAsync(string userName, string? password = null)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token",
            new { userName, password = password ?? (userName == "admin" ? AdminPassword : DemoPassword) });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenAnswer>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    private sealed record TokenAnswer(string AccessToken, DateTime ExpiresAt);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_databaseName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(_postgresServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        if (Directory.Exists(BackupFolder))
        {
            Directory.Delete(BackupFolder, recursive: true);
        }
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(f);
            }
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>One factory (one database) shared by the tests of the collection.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<JishiFactory>
{
    public const string Name = "api";
}
