using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jishi.Web.Data;

/// <summary>Turns on SQLite's <c>secure_delete</c> on every connection: freed pages (a destroyed key, a deleted paper keying,
/// an overwritten token row) are zeroed instead of left readable in the file (ADR-015). The pragma is per connection.</summary>
public sealed class SqliteSecureDelete : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA secure_delete = ON";
        command.ExecuteNonQuery();
    }
}
