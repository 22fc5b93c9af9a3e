using System.Diagnostics;
using Jishi.Web.Shared;
using Npgsql;

namespace Jishi.Web.Features.Cli;

/// <summary>pg_dump and pg_restore from the PostgreSQL client tools, found on PATH. They take the connection as a libpq
/// string; the password goes through PGPASSWORD so that it never shows in a process list.</summary>
public static class PostgresTools
{
    private static string[] DumpOptions(string file) => ["--format=custom", "--file=" + file];

    /// <summary>How to run pg_dump by hand into <paramref name="file"/> when it is not installed here; null when it is.</summary>
    public static Error? DumpMissing(string connectionString, string file) =>
        FindOnPath("pg_dump") is null ? Missing("pg_dump", connectionString, DumpOptions(file)) : null;

    public static Task<Result<bool>> DumpAsync(string connectionString, string file, CancellationToken ct) =>
        RunAsync("pg_dump", connectionString, DumpOptions(file), null, ct).Succeeded();

    /// <summary>Cleans the objects of the dump out of the database and recreates them from it, in one transaction.</summary>
    public static Task<Result<bool>> RestoreAsync(string connectionString, string file, CancellationToken ct) =>
        RunAsync("pg_restore", connectionString, ["--clean", "--if-exists", "--no-owner", "--single-transaction"], file, ct).Succeeded();

    /// <summary>The migration ids recorded in the dump, read from its copy of the history table.</summary>
    public static async Task<Result<IReadOnlyList<string>>> ListMigrationsAsync(string file, CancellationToken ct)
    {
        var listed = await RunAsync("pg_restore", null, ["--data-only", "--table=__EFMigrationsHistory", "--file=-"], file, ct);
        if (listed.Error is { } error)
        {
            return error;
        }
        // The table's rows sit between its COPY line and the terminating "\." line, one tab-separated row a line.
        var lines = listed.Value!.Split('\n');
        var rows = lines.SkipWhile(l => !l.StartsWith("COPY ", StringComparison.Ordinal)).Skip(1).TakeWhile(l => l != "\\.");
        return rows.Select(l => l.Split('\t')[0]).Where(id => id.Length > 0).ToList();
    }

    private static async Task<Result<bool>> Succeeded(this Task<Result<string>> run) =>
        (await run).Error is { } error ? error : true;

    /// <summary>Runs <paramref name="tool"/> with the options, the connection, then the dump file to read, if any.</summary>
    private static async Task<Result<string>> RunAsync(string tool, string? connectionString, string[] options, string? input, CancellationToken ct)
    {
        string[] all = Arguments(connectionString, options, input);
        if (FindOnPath(tool) is not { } executable)
        {
            return Missing(tool, connectionString, options, input);
        }
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in all)
        {
            start.ArgumentList.Add(a);
        }
        if (connectionString is not null && new NpgsqlConnectionStringBuilder(connectionString).Password is { Length: > 0 } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return process.ExitCode == 0
            ? await output
            : new Error("Cli.PgToolFailed", StatusCodes.Status500InternalServerError, tool, process.ExitCode, (await errors).Trim());
    }

    private static string[] Arguments(string? connectionString, string[] options, string? input = null) =>
        [.. options, .. connectionString is null ? [] : new[] { "--dbname=" + Libpq(new NpgsqlConnectionStringBuilder(connectionString)) },
            .. input is null ? [] : new[] { input }];

    /// <summary>Says how to run the tool by hand when it is not installed here.</summary>
    private static Error Missing(string tool, string? connectionString, string[] options, string? input = null) =>
        new("Cli.PgToolMissing", StatusCodes.Status500InternalServerError, tool,
            $"{tool} {string.Join(" ", Arguments(connectionString, options, input).Select(a => a.Contains(' ') ? $"\"{a}\"" : a))}");

    /// <summary>The connection in libpq's key=value form, without the password.</summary>
    private static string Libpq(NpgsqlConnectionStringBuilder c)
    {
        static string Quote(string v) => "'" + v.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
        var parts = new List<string> { "host=" + Quote(c.Host ?? "localhost"), "port=" + c.Port };
        if (c.Database is { Length: > 0 } db)
        {
            parts.Add("dbname=" + Quote(db));
        }
        if (c.Username is { Length: > 0 } user)
        {
            parts.Add("user=" + Quote(user));
        }
        return string.Join(" ", parts);
    }

    private static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
}
