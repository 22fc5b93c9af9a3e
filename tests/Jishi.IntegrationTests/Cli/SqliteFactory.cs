using Jishi.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Jishi.IntegrationTests.Cli;

/// <summary>The product with the demo on an SQLite file in its own folder, even when the suite runs on PostgreSQL:
/// the command-line tests drive SQLite's online backup and put more database files beside it.</summary>
public sealed class SqliteFactory : JishiFactory
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("jishi-cli-").FullName;

    public string DatabaseFile => Path.Combine(Folder, "jishi.db");

    /// <summary>A path in the folder for another database or file; nothing is created.</summary>
    public string PathFor(string name) => Path.Combine(Folder, name);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Jishi", $"Data Source={DatabaseFile}");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
