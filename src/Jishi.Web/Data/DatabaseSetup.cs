using System.Runtime.Loader;
using Jishi.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Chooses the provider from <c>Database:Provider</c> and the matching migrations assembly
/// (Jishi.Migrations.Sqlite or Jishi.Migrations.Postgres, see ADR-002).</summary>
public static class DatabaseSetup
{
    public const string DefaultSqlite = "Data Source=data/jishi.db";

    /// <summary>The setting naming the folder of the SQLite database and the server's backups (default <c>./data</c> of the
    /// folder the server was started from).</summary>
    public const string DataDirectoryKey = "Jishi:DataDirectory";

    public static string DataDirectory(IConfiguration config) =>
        Path.GetFullPath(config[DataDirectoryKey] is { Length: > 0 } folder ? folder : "data");

    public static DatabaseProvider Provider(IConfiguration config) =>
        Enum.TryParse<DatabaseProvider>(config["Database:Provider"], ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite;

    public static string ConnectionString(IConfiguration config) =>
        config.GetConnectionString("Jishi") is { Length: > 0 } cs ? cs
        : Provider(config) == DatabaseProvider.Sqlite ? $"Data Source={Path.Combine(DataDirectory(config), "jishi.db")}"
        : throw new InvalidOperationException("Database:Provider=Postgres needs ConnectionStrings:Jishi.");

    public static IServiceCollection AddJishiData(this IServiceCollection services, IConfiguration config)
    {
        LoadMigrationsAssembliesFromAppFolder();
        var provider = Provider(config);
        var connectionString = ConnectionString(config);
        if (provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteFolder(connectionString);
        }
        services.AddScoped<AuditActor>().AddScoped<AuditInterceptor>();
        services.AddDbContext<JishiDbContext>((sp, options) =>
        {
            Configure(options, provider, connectionString);
            options.AddInterceptors(sp.GetRequiredService<AuditInterceptor>());
        });
        return services;
    }

    private static readonly SqliteSecureDelete SecureDelete = new();

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(connectionString, o => o.MigrationsAssembly("Jishi.Migrations.Postgres"));
        }
        else
        {
            options.UseSqlite(connectionString, o => o.MigrationsAssembly("Jishi.Migrations.Sqlite")).AddInterceptors(SecureDelete);
        }
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } dir)
        {
            Directory.CreateDirectory(dir);
        }
    }

    /// <summary>The migrations assemblies reference this one, so this one cannot reference them; the build
    /// copies them next to it and they are loaded from there (ADR-002).</summary>
    private static void LoadMigrationsAssembliesFromAppFolder()
    {
        AssemblyLoadContext.Default.Resolving += static (context, name) =>
        {
            if (name.Name?.StartsWith("Jishi.Migrations.", StringComparison.Ordinal) != true)
            {
                return null;
            }
            var file = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
            return File.Exists(file) ? context.LoadFromAssemblyPath(file) : null;
        };
    }
}

/// <summary>Used by <c>dotnet ef</c> only: the provider comes from the environment variable JISHI_EF_PROVIDER.</summary>
public sealed class DesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<JishiDbContext>
{
    public JishiDbContext CreateDbContext(string[] args)
    {
        var provider = Enum.Parse<DatabaseProvider>(Environment.GetEnvironmentVariable("JISHI_EF_PROVIDER") ?? "Sqlite", true);
        var builder = new DbContextOptionsBuilder<JishiDbContext>();
        DatabaseSetup.Configure(builder, provider,
            provider == DatabaseProvider.Sqlite ? DatabaseSetup.DefaultSqlite : "Host=localhost;Database=jishi_design");
        return new JishiDbContext(builder.Options);
    }
}
