using System.Net.Sockets;
using Jishi.Web.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jishi.UnitTests.Shared;

/// <summary>Which exceptions are database faults (503) and which stay bugs or conflicts (ADR-011).</summary>
public sealed class DatabaseUnavailableTests
{
    private static PostgresException Postgres(string sqlState) => new("message", "FATAL", "FATAL", sqlState);

    [Fact]
    public void Classify_RefusedConnectionWrappedByEfStrategy_Unreachable() =>
        Assert.Equal(DatabaseFault.Unreachable, DatabaseUnavailable.Classify(new InvalidOperationException("transient",
            new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)))));

    [Fact]
    public void Classify_ConnectionCutMidQuery_Unreachable() =>
        Assert.Equal(DatabaseFault.Unreachable, DatabaseUnavailable.Classify(
            new NpgsqlException("Exception while reading from stream", new EndOfStreamException())));

    [Theory]
    [InlineData(PostgresErrorCodes.AdminShutdown)]
    [InlineData(PostgresErrorCodes.CannotConnectNow)]
    [InlineData(PostgresErrorCodes.TooManyConnections)]
    [InlineData(PostgresErrorCodes.ConnectionFailure)]
    public void Classify_PostgresShutdownOrNoRoom_Unreachable(string sqlState) =>
        Assert.Equal(DatabaseFault.Unreachable, DatabaseUnavailable.Classify(Postgres(sqlState)));

    [Fact]
    public void Classify_PostgresDiskFull_Storage() =>
        Assert.Equal(DatabaseFault.Storage, DatabaseUnavailable.Classify(new DbUpdateException("save", Postgres(PostgresErrorCodes.DiskFull))));

    [Theory]
    [InlineData(PostgresErrorCodes.DeadlockDetected)]
    [InlineData(PostgresErrorCodes.UniqueViolation)]
    [InlineData(PostgresErrorCodes.SerializationFailure)]
    public void Classify_PostgresConflict_NotAFault(string sqlState) =>
        Assert.Equal(DatabaseFault.None, DatabaseUnavailable.Classify(new DbUpdateException("save", Postgres(sqlState))));

    [Theory]
    [InlineData(8)] // SQLITE_READONLY
    [InlineData(10)] // SQLITE_IOERR
    [InlineData(778)] // SQLITE_IOERR_WRITE, an extended code
    [InlineData(13)] // SQLITE_FULL
    [InlineData(14)] // SQLITE_CANTOPEN
    public void Classify_SqliteCannotStore_Storage(int code) =>
        Assert.Equal(DatabaseFault.Storage, DatabaseUnavailable.Classify(new DbUpdateException("save", new SqliteException("sqlite", code))));

    [Theory]
    [InlineData(11)] // SQLITE_CORRUPT: a real failure, not something to wait out
    [InlineData(19)] // SQLITE_CONSTRAINT
    public void Classify_SqliteCorruptOrConstraint_NotAFault(int code) =>
        Assert.Equal(DatabaseFault.None, DatabaseUnavailable.Classify(new SqliteException("sqlite", code)));

    [Fact]
    public void Classify_OrdinaryBug_NotAFault() =>
        Assert.Equal(DatabaseFault.None, DatabaseUnavailable.Classify(new InvalidOperationException("Sequence contains no elements")));
}
