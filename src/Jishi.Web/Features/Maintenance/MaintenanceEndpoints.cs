using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Cli;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Maintenance;

public static class MaintenanceEndpoints
{
    public static IServiceCollection AddMaintenance(this IServiceCollection services, IConfiguration config) => services
        .AddSingleton(BackupSettings.From(config))
        .AddSingleton<BackupStatus>()
        .AddScoped<DatabaseBackup>()
        .AddScoped<RunBackup>()
        .AddScoped<ListBackups>()
        .AddHostedService<DailyBackupService>();

    public static IEndpointRouteBuilder MapMaintenance(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/maintenance").WithTags("Platform").RequireAuthorization(Policies.Maintenance);
        group.MapGet("/backups", (ListBackups handler) => TypedResults.Ok(handler.Handle()));
        group.MapGet("/backups/{name}", (string name, ListBackups handler) =>
            handler.Find(name).ToHttp(path => TypedResults.PhysicalFile(path, "application/octet-stream", name)));
        group.MapPost("/backups", async (RunBackup handler, CancellationToken ct) =>
                (await handler.HandleAsync(ct)).ToHttp(file => TypedResults.Created($"/api/maintenance/backups/{file.Name}", file)));
        return app;
    }
}
