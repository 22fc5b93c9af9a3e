using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Jishi.Bench;

/// <summary>Straight ADO.NET access to the server's own database (its connection string from <see cref="BenchServer.Environment"/>),
/// for generating data, the write ceiling and checks.</summary>
public static class Database
{
    public static bool IsPostgres(BenchServer server) => server.Environment["Database__Provider"] == "Postgres";

    public static DbConnection Connection(BenchServer server) => IsPostgres(server)
        ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.Environment["ConnectionStrings__Jishi"]) { CommandTimeout = 0 }.ConnectionString)
        : new SqliteConnection(server.Environment["ConnectionStrings__Jishi"]);

    /// <param name="unpooled">For a connection whose settings must not outlive it (the generator's <c>synchronous = OFF</c>):
    /// a pooled SQLite connection keeps its pragmas for the next user, such as the write ceiling.</param>
    public static async Task<DbConnection> OpenAsync(BenchServer server, bool unpooled = false)
    {
        var db = Connection(server);
        if (unpooled)
        {
            db.ConnectionString = db is SqliteConnection
                ? new SqliteConnectionStringBuilder(db.ConnectionString) { Pooling = false }.ConnectionString
                : new NpgsqlConnectionStringBuilder(db.ConnectionString) { Pooling = false }.ConnectionString;
        }
        await db.OpenAsync();
        if (db is SqliteConnection)
        {
            // The server may be writing at the same moment: wait for its lock rather than fail.
            await ExecAsync(db, "PRAGMA busy_timeout = 60000");
        }
        return db;
    }

    public static DbCommand Command(DbConnection db, string sql, params (string Name, object Value)[] parameters)
    {
        var command = db.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public static async Task ExecAsync(DbConnection db, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(db, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<long> ScalarAsync(DbConnection db, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(db, sql, parameters);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }
}

/// <summary>Rows into one table, fast: on SQLite one prepared INSERT in a plain BEGIN/COMMIT transaction (the command then
/// needs no transaction object), on PostgreSQL a binary COPY. <see cref="CommitAsync"/> ends the transaction or the COPY and
/// starts the next; disposing ends the last. Values come as the columns' CLR types (int, long, bool, string, DateOnly,
/// DateTime), which binary COPY requires exactly.</summary>
public sealed class BulkRows : IAsyncDisposable
{
    private readonly DbConnection _db;
    private readonly string _table;
    private readonly string[] _columns;
    private SqliteCommand? _insert;
    private NpgsqlBinaryImporter? _copy;

    private BulkRows(DbConnection db, string table, string[] columns)
    {
        _db = db;
        _table = table;
        _columns = columns;
    }

    public static async Task<BulkRows> OpenAsync(DbConnection db, string table, params string[] columns)
    {
        var rows = new BulkRows(db, table, columns);
        await rows.BeginAsync();
        return rows;
    }

    private string ColumnList => string.Join(", ", _columns.Select(c => $"\"{c}\""));

    private async Task BeginAsync()
    {
        if (_db is NpgsqlConnection pg)
        {
            _copy = await pg.BeginBinaryImportAsync($"COPY \"{_table}\" ({ColumnList}) FROM STDIN (FORMAT BINARY)");
            return;
        }
        var sqlite = (SqliteConnection)_db;
        await using (var begin = new SqliteCommand("BEGIN", sqlite))
        {
            await begin.ExecuteNonQueryAsync();
        }
        if (_insert is null)
        {
            _insert = new SqliteCommand($"INSERT INTO \"{_table}\" ({ColumnList}) VALUES ({string.Join(", ", _columns.Select((_, i) => $"@p{i}"))})", sqlite);
            for (var i = 0; i < _columns.Length; i++)
            {
                _insert.Parameters.Add(new SqliteParameter { ParameterName = $"@p{i}" });
            }
        }
    }

    public void Add(params object?[] values)
    {
        if (_copy is { } copy)
        {
            copy.StartRow();
            foreach (var value in values)
            {
                switch (value)
                {
                    case null: copy.WriteNull(); break;
                    case int v: copy.Write(v, NpgsqlDbType.Integer); break;
                    case long v: copy.Write(v, NpgsqlDbType.Bigint); break;
                    case bool v: copy.Write(v, NpgsqlDbType.Boolean); break;
                    case string v: copy.Write(v, NpgsqlDbType.Text); break;
                    case DateOnly v: copy.Write(v, NpgsqlDbType.Date); break;
                    case DateTime v: copy.Write(DateTime.SpecifyKind(v, DateTimeKind.Utc), NpgsqlDbType.TimestampTz); break;
                    default: throw new NotSupportedException(value.GetType().Name);
                }
            }
            return;
        }
        for (var i = 0; i < values.Length; i++)
        {
            _insert!.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
        _insert!.ExecuteNonQuery();
    }

    public async Task CommitAsync()
    {
        await EndAsync();
        await BeginAsync();
    }

    private async Task EndAsync()
    {
        if (_copy is { } copy)
        {
            await copy.CompleteAsync();
            await copy.DisposeAsync();
            _copy = null;
            return;
        }
        await using var commit = new SqliteCommand("COMMIT", (SqliteConnection)_db);
        await commit.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await EndAsync();
        if (_insert is not null)
        {
            await _insert.DisposeAsync();
        }
    }
}
