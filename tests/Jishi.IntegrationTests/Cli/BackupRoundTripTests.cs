using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jishi.IntegrationTests.Cli;

/// <summary>backup then restore on the suite's provider: SQLite's online backup, or pg_dump and pg_restore when the
/// suite runs on PostgreSQL.</summary>
[Trait(Suites.Key, Suites.Cli)]
[Collection(ApiCollection.Name)]
public sealed class BackupRoundTripTests(JishiFactory factory)
{
    [Fact]
    public async Task BackupThenRestore_SuiteProvider_BringsBackEveryMemberAndAccount()
    {
        factory.StartServer();
        var folder = Directory.CreateTempSubdirectory("jishi-roundtrip-").FullName;
        var restoredConnection = factory.IsPostgres
            ? new NpgsqlConnectionStringBuilder(factory.ConnectionString) { Database = "jishi_restored_" + Guid.NewGuid().ToString("N")[..12] }.ConnectionString
            : $"Data Source={Path.Combine(folder, "restored.db")}";
        try
        {
            var file = Path.Combine(folder, "jishi.backup");
            var backup = await JishiProcess.RunOnAsync(factory.Provider, factory.ConnectionString, null, "backup", file);
            Assert.True(backup.ExitCode == 0, backup.Error);

            var restore = await JishiProcess.RunOnAsync(factory.Provider, restoredConnection, null, "restore", file, "--yes");

            Assert.True(restore.ExitCode == 0, restore.Error);
            await using var source = Context(factory.ConnectionString);
            await using var restored = Context(restoredConnection);
            Assert.Equal(await source.Members.OrderBy(m => m.Id).Select(m => m.Id + m.Name).ToListAsync(),
                await restored.Members.OrderBy(m => m.Id).Select(m => m.Id + m.Name).ToListAsync());
            Assert.Equal(await source.Users.OrderBy(u => u.Id).Select(u => u.UserName).ToListAsync(),
                await restored.Users.OrderBy(u => u.Id).Select(u => u.UserName).ToListAsync());
        }
        finally
        {
            await DropAsync(restoredConnection);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private JishiDbContext Context(string connectionString)
    {
        var options = new DbContextOptionsBuilder<JishiDbContext>();
        DatabaseSetup.Configure(options, factory.IsPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, connectionString);
        return new JishiDbContext(options.Options);
    }

    private async Task DropAsync(string restoredConnection)
    {
        if (factory.IsPostgres)
        {
            NpgsqlConnection.ClearAllPools();
            var database = new NpgsqlConnectionStringBuilder(restoredConnection).Database;
            await using var admin = new NpgsqlConnection(factory.ConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
