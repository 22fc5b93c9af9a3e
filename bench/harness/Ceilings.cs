using Npgsql;

namespace Jishi.Bench;

/// <summary>What the machine can do, measured in the same run with the same generator and clients as the scenario (ADR-010):
/// the server's cheapest answers over HTTP, and one-row transactions straight through ADO.NET on the server's database.</summary>
public static class Ceilings
{
    /// <summary><c>GET /healthz</c>: the whole pipeline plus the health check's database connection test.</summary>
    public const string HealthPath = "/healthz";

    /// <summary>A small static stylesheet: the pipeline (headers, routing, authentication, authorization) without any database.</summary>
    public const string StaticPath = "/css/board.css";

    public static Task<LoadResult> HttpAsync(HttpClient http, string path, LoadOptions options) =>
        LoadGenerator.RunAsync(options, async _ => await LoadGenerator.SendAsync(http, new HttpRequestMessage(HttpMethod.Get, path)));

    /// <summary>Each operation inserts one row into a scratch table in its own transaction, durable as the server's own commits
    /// (the database's defaults). SQLite has one writer at a time: the clients take turns through one lock, as the product's
    /// writers queue (without it, Microsoft.Data.Sqlite's busy retries would sleep and measure the sleep). PostgreSQL takes
    /// them concurrently, each client on its own pooled connection.</summary>
    public static async Task<LoadResult> AdoAsync(BenchServer server, LoadOptions options)
    {
        var postgres = Database.IsPostgres(server);
        await using (var db = await Database.OpenAsync(server))
        {
            await Database.ExecAsync(db, postgres
                ? "CREATE TABLE bench_ceiling (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text)"
                : "CREATE TABLE bench_ceiling (id INTEGER PRIMARY KEY, v TEXT)");
        }
        var connectionString = Database.Connection(server).ConnectionString;
        if (postgres)
        {
            connectionString = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = options.Clients + 10 }.ConnectionString;
        }
        using var turn = new SemaphoreSlim(1);
        var result = await LoadGenerator.RunAsync(options, async random =>
        {
            if (!postgres)
            {
                await turn.WaitAsync();
            }
            try
            {
                await using var db = Database.Connection(server);
                db.ConnectionString = connectionString;
                await db.OpenAsync();
                await using var transaction = await db.BeginTransactionAsync();
                await using var insert = Database.Command(db, "INSERT INTO bench_ceiling (v) VALUES (@v)", ("@v", $"row {random.Next()}"));
                insert.Transaction = transaction;
                await insert.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
                return true;
            }
            finally
            {
                if (!postgres)
                {
                    turn.Release();
                }
            }
        });
        await using (var db = await Database.OpenAsync(server))
        {
            await Database.ExecAsync(db, "DROP TABLE bench_ceiling");
        }
        return result;
    }
}
