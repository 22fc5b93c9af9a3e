using Jishi.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Jishi.IntegrationTests.Maintenance;

public sealed class DailyBackupTests(DailyBackupFactory factory) : IClassFixture<DailyBackupFactory>
{
    [Fact]
    public async Task DailyBackup_ClockPastTheTime_WritesADatabaseAndKeepsTheNewestTwo()
    {
        Directory.CreateDirectory(factory.BackupFolder);
        string[] older = ["jishi-20261101-0230.db", "jishi-20261102-0230.db"];
        foreach (var name in older.Append("notes.txt"))
        {
            await File.WriteAllTextAsync(Path.Combine(factory.BackupFolder, name), "old");
        }
        var admin = await factory.ClientForAsync("admin");
        var due = new DateTimeOffset(2026, 12, 7, 2, 30, 0, TimeSpan.Zero);
        await admin.OverviewWhenAsync(o => o.NextRun == due);

        factory.Clock.Advance(TimeSpan.FromMinutes(30));
        var overview = await admin.OverviewWhenAsync(o => o.Last is not null);

        var expected = "jishi-20261207-0230." + (factory.IsPostgres ? "dump" : "db");
        Assert.Equal(expected, overview.Last!.File);
        Assert.Null(overview.Last.Error);
        Assert.Equal([expected, older[1]], overview.Backups.Select(b => b.Name));
        Assert.Equal([older[1], expected, "notes.txt"], Directory.GetFiles(factory.BackupFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(due.AddDays(1), (await admin.OverviewWhenAsync(o => o.NextRun != due)).NextRun);
        var file = Path.Combine(factory.BackupFolder, expected);
        if (factory.IsPostgres)
        {
            Assert.Equal("PGDMP"u8.ToArray(), (await File.ReadAllBytesAsync(file))[..5]);
            return;
        }
        await using var backup = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await backup.OpenAsync();
        await using var count = backup.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM \"Members\"";
        var members = await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Members));
        Assert.Equal(members, Convert.ToInt32(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }
}
