using Jishi.Web.Data;
using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jishi.Web.Features.Cli;

/// <summary>Backup and restore of the configured database. SQLite goes through SQLite's online backup, which copies one
/// consistent snapshot while the server keeps writing and, on restore, replaces the pages under a running server;
/// PostgreSQL goes through pg_dump and pg_restore.</summary>
public sealed class DatabaseBackup(JishiDbContext db, IConfiguration config)
{
    /// <summary>What a backup file holds: the migrations applied to it, and how many this build applies after restoring it.</summary>
    public sealed record Contents(IReadOnlyList<string> Applied, int Pending);

    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();
    private static readonly byte[] PgDumpHeader = "PGDMP"u8.ToArray();

    private DatabaseProvider Provider => DatabaseSetup.Provider(config);
    private string ConnectionString => DatabaseSetup.ConnectionString(config);

    /// <summary>The extension of a backup file of this provider: an SQLite database, or pg_dump's custom format.</summary>
    public string Extension => Provider == DatabaseProvider.Sqlite ? "db" : "dump";

    /// <summary>Where the data goes on restore: the SQLite file or the PostgreSQL database name.</summary>
    public string Target => Provider == DatabaseProvider.Sqlite
        ? Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString).DataSource)
        : new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString).Database ?? "";

    /// <summary>Writes the whole database to <paramref name="file"/>, which must not exist yet; returns its size.
    /// The copy is written beside it under another name and renamed at the end, so that a half-written file never
    /// looks like a backup.</summary>
    public async Task<Result<long>> BackupAsync(string file, CancellationToken ct)
    {
        var target = Path.GetFullPath(file);
        if (File.Exists(target))
        {
            return Error.Conflict("Cli.Backup.Exists", target);
        }
        if (Provider == DatabaseProvider.Postgres && PostgresTools.DumpMissing(ConnectionString, target) is { } missing)
        {
            return missing;
        }
        if (Path.GetDirectoryName(target) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
        var partial = target + ".partial";
        File.Delete(partial);
        var written = Provider == DatabaseProvider.Sqlite ? await SqliteBackupAsync(partial, ct) : await PostgresTools.DumpAsync(ConnectionString, partial, ct);
        if (written.Error is { } error)
        {
            File.Delete(partial);
            return error;
        }
        File.Move(partial, target);
        return new FileInfo(target).Length;
    }

    private async Task<Result<bool>> SqliteBackupAsync(string partial, CancellationToken ct)
    {
        var source = new SqliteConnectionStringBuilder(ConnectionString) { Mode = SqliteOpenMode.ReadOnly };
        if (!File.Exists(source.DataSource))
        {
            return new Error("Cli.Backup.NoDatabase", StatusCodes.Status404NotFound, Path.GetFullPath(source.DataSource));
        }
        await using var from = new SqliteConnection(source.ToString());
        await using var to = FileConnection(partial, SqliteOpenMode.ReadWriteCreate);
        await CopyAsync(from, to, ct);
        // A backup is one self-contained file: no -wal beside it.
        await ExecuteAsync(to, "PRAGMA journal_mode = DELETE", ct);
        return true;
    }

    /// <summary>Checks that <paramref name="file"/> is a backup of Jishi that this build can restore: the right kind of
    /// file, intact, with Jishi's tables and migration history, and no migration newer than this build knows.</summary>
    public async Task<Result<Contents>> InspectAsync(string file, CancellationToken ct)
    {
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            return new Error("Cli.Restore.Missing", StatusCodes.Status404NotFound, path);
        }
        var head = new byte[SqliteHeader.Length];
        int read;
        await using (var stream = File.OpenRead(path))
        {
            read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        }
        if (read == 0)
        {
            return Error.Invalid("Cli.Restore.Empty", path);
        }
        if (Provider == DatabaseProvider.Postgres)
        {
            if (!head.AsSpan().StartsWith(PgDumpHeader))
            {
                return Error.Invalid("Cli.Restore.NotPgDump", path);
            }
            var listed = await PostgresTools.ListMigrationsAsync(path, ct);
            return listed.IsSuccess ? Check(path, listed.Value!) : listed.Error!;
        }
        if (!head.AsSpan().SequenceEqual(SqliteHeader))
        {
            return Error.Invalid("Cli.Restore.NotSqlite", path);
        }
        try
        {
            return await InspectSqliteAsync(path, ct);
        }
        catch (SqliteException e)
        {
            return Error.Invalid("Cli.Restore.Corrupt", path, e.Message);
        }
    }

    private async Task<Result<Contents>> InspectSqliteAsync(string path, CancellationToken ct)
    {
        await using var backup = FileConnection(path, SqliteOpenMode.ReadOnly);
        await backup.OpenAsync(ct);
        var check = await QueryAsync(backup, "PRAGMA quick_check", ct);
        if (check is not ["ok"])
        {
            return Error.Invalid("Cli.Restore.Corrupt", path, string.Join("; ", check.Take(3)));
        }
        var tables = await QueryAsync(backup, "SELECT name FROM sqlite_master WHERE type = 'table'", ct);
        string[] required = [HistoryTable, .. new[] { typeof(Unit), typeof(Member), typeof(AppUser) }.Select(t => db.Model.FindEntityType(t)!.GetTableName()!)];
        if (required.Except(tables).Any())
        {
            return Error.Invalid("Cli.Restore.NotJishi", path);
        }
        return Check(path, await QueryAsync(backup, $"SELECT MigrationId FROM \"{HistoryTable}\"", ct));
    }

    private const string HistoryTable = "__EFMigrationsHistory";

    /// <summary>A Jishi database has applied some of this build's migrations and only those; an unknown migration that
    /// sorts after the last known one comes from a newer build.</summary>
    private Result<Contents> Check(string path, IReadOnlyList<string> applied)
    {
        var known = db.Database.GetMigrations().ToList();
        var unknown = applied.Except(known).Order(StringComparer.Ordinal).ToList();
        if (applied.Count == 0 || unknown.Any(id => string.CompareOrdinal(id, known[^1]) < 0))
        {
            return Error.Invalid("Cli.Restore.NotJishi", path);
        }
        if (unknown.Count > 0)
        {
            return Error.Invalid("Cli.Restore.Newer", path, unknown[^1]);
        }
        return new Contents(applied, known.Except(applied).Count());
    }

    /// <summary>Replaces the configured database with <paramref name="file"/>, whose <paramref name="contents"/>
    /// <see cref="InspectAsync"/> found, and migrates it forward when the backup is older than this build.</summary>
    public async Task<Result<bool>> RestoreAsync(string file, Contents contents, CancellationToken ct)
    {
        var path = Path.GetFullPath(file);
        if (Provider == DatabaseProvider.Postgres)
        {
            // pg_restore fills a database but does not create one.
            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(ct))
            {
                await creator.CreateAsync(ct);
            }
            // pg_restore --clean drops only what the dump holds: tables of later migrations would survive and make the
            // migrations that follow fail, so such a database is left alone.
            else if ((await db.Database.GetAppliedMigrationsAsync(ct)).Except(contents.Applied).Order(StringComparer.Ordinal).LastOrDefault() is { } later)
            {
                return Error.Conflict("Cli.Restore.LiveNewer", Target, later);
            }
            if (await PostgresTools.RestoreAsync(ConnectionString, path, ct) is { Error: { } error })
            {
                return error;
            }
        }
        else
        {
            await using var from = FileConnection(path, SqliteOpenMode.ReadOnly);
            await using var to = new SqliteConnection(ConnectionString);
            await CopyAsync(from, to, ct);
            // Backups are single files in rollback-journal mode; the live database runs in WAL so readers never wait.
            await ExecuteAsync(to, "PRAGMA journal_mode = WAL", ct);
        }
        await db.Database.MigrateAsync(ct);
        return true;
    }

    /// <summary>SQLite's online backup: one read transaction on the source, so the copy is one consistent snapshot.
    /// The busy timeout lets it wait for a writer of the running server instead of failing.</summary>
    private static async Task CopyAsync(SqliteConnection from, SqliteConnection to, CancellationToken ct)
    {
        await from.OpenAsync(ct);
        await to.OpenAsync(ct);
        await ExecuteAsync(from, "PRAGMA busy_timeout = 30000", ct);
        await ExecuteAsync(to, "PRAGMA busy_timeout = 30000", ct);
        from.BackupDatabase(to);
    }

    /// <summary>A connection to a file other than the configured database, closed for good when disposed.</summary>
    private static SqliteConnection FileConnection(string path, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<List<string>> QueryAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(reader.GetString(0));
        }
        return rows;
    }
}
