using System.Globalization;
using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace Jishi.Web.Shared;

/// <summary>What kind of database fault an exception is, if any (ADR-011).</summary>
public enum DatabaseFault
{
    None,

    /// <summary>The server cannot be reached or went away: PostgreSQL stopped, restarting, out of connections.</summary>
    Unreachable,

    /// <summary>The database cannot store: disk full, file too large, read-only file or folder, I/O error.</summary>
    Storage,
}

/// <summary>Answers a request that failed because the database is down or cannot write with 503, Retry-After and a Chinese
/// ProblemDetails (a plain Chinese page for a browser), instead of a 500; the request's transaction did not commit (see ADR-011
/// for the one case it may have). The server keeps running and serves again as soon as the database does.</summary>
public sealed class DatabaseUnavailable(IStringLocalizer<SharedResource> text, ILogger<DatabaseUnavailable> log)
    : IExceptionHandler
{
    private const string RetryAfterSeconds = "5";

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var fault = Classify(exception);
        if (fault == DatabaseFault.None || http.Response.HasStarted)
        {
            return false;
        }
        // One line per failed request, without the stack: during an outage every request fails the same way.
        log.LogWarning("Database {Fault} on {Method} {Path}: {Message}", fault, http.Request.Method, http.Request.Path,
            Innermost(exception).Message);
        if (fault == DatabaseFault.Storage)
        {
            // A pooled SQLite connection opened while the file was read-only stays read-only: drop them all so that the
            // next request opens the file again and sees it writable once the operator has fixed it.
            SqliteConnection.ClearAllPools();
        }
        // The exception surfaced outside the localization middleware, so the request's culture has to be put back.
        if (http.Features.Get<IRequestCultureFeature>() is { } culture)
        {
            CultureInfo.CurrentCulture = culture.RequestCulture.Culture;
            CultureInfo.CurrentUICulture = culture.RequestCulture.UICulture;
        }
        var title = text["Faults.Unavailable.Title"].Value;
        var detail = text[fault == DatabaseFault.Storage ? "Faults.Storage.Detail" : "Faults.Unreachable.Detail"].Value;
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds;
        if (StatusPages.WantsPage(http.Request))
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(StatusPages.Page(title, detail, text["Faults.Reload"].Value, "", CultureInfo.CurrentUICulture.Name), ct);
            return true;
        }
        // Written as it is: the platform's ProblemDetails customization would put its own title over an English one.
        await http.Response.WriteAsJsonAsync(new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = title, Detail = detail },
            (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", ct);
        return true;
    }

    /// <summary>Whether <paramref name="exception"/> (or one it wraps: EF wraps provider errors in DbUpdateException or, for
    /// transient ones on PostgreSQL, InvalidOperationException) is a database fault rather than a bug.</summary>
    public static DatabaseFault Classify(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            var fault = e switch
            {
                PostgresException pg => Postgres(pg.SqlState),
                // Npgsql marks I/O, socket and timeout failures, including a refused or broken connection, as transient.
                NpgsqlException { IsTransient: true } => DatabaseFault.Unreachable,
                SqliteException sqlite => Sqlite(sqlite.SqliteErrorCode),
                SocketException => DatabaseFault.Unreachable,
                RetryLimitExceededException => DatabaseFault.Unreachable,
                _ => DatabaseFault.None,
            };
            if (fault != DatabaseFault.None)
            {
                return fault;
            }
        }
        return DatabaseFault.None;
    }

    // Class 08 connection exception, 57P01–57P03 shutdown and starting up, 53 insufficient resources (53100 disk full),
    // 58 system error (I/O). Deadlocks and serialization failures are not outages: the writers retry those themselves.
    private static DatabaseFault Postgres(string state) => state switch
    {
        PostgresErrorCodes.DiskFull or PostgresErrorCodes.IoError => DatabaseFault.Storage,
        PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow => DatabaseFault.Unreachable,
        _ when state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal)
            || state.StartsWith("58", StringComparison.Ordinal) => DatabaseFault.Unreachable,
        _ => DatabaseFault.None,
    };

    // Primary result codes (the extended code's low byte): SQLITE_READONLY 8, SQLITE_IOERR 10, SQLITE_FULL 13,
    // SQLITE_CANTOPEN 14. A file-size limit (EFBIG) surfaces as SQLITE_IOERR, a full disk (ENOSPC) as SQLITE_FULL.
    private static DatabaseFault Sqlite(int code) => (code & 0xFF) switch
    {
        8 or 10 or 13 or 14 => DatabaseFault.Storage,
        _ => DatabaseFault.None,
    };

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
