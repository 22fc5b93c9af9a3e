using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Shared.Data;

public static class UniqueViolation
{
    /// <summary>Whether the save failed on a unique index: SQLite's SQLITE_CONSTRAINT_UNIQUE (2067) or PRIMARYKEY (1555),
    /// PostgreSQL's 23505.</summary>
    public static bool Is(DbUpdateException e) => e.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteExtendedErrorCode is 2067 or 1555,
        Npgsql.PostgresException p => p.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
