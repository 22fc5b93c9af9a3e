using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Cli;
using Jishi.Web.Shared;
using Microsoft.Extensions.Localization;

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
        group.MapGet("/backups", (ListBackups handler) => TypedResults.Ok(handler.Handle())).Produces<BackupOverview>();
        group.MapGet("/backups/{name}", (string name, ListBackups handler, IStringLocalizer<SharedResource> text) =>
            handler.Find(name).ToHttp(text, path => TypedResults.PhysicalFile(path, "application/octet-stream", name)));
        group.MapPost("/backups", async (RunBackup handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.HandleAsync(ct)).ToHttp(text, file => TypedResults.Created($"/api/maintenance/backups/{file.Name}", file)))
            .Produces<BackupFile>(StatusCodes.Status201Created);
        return app;
    }
}
