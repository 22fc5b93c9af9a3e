using Jishi.Web.Features.Accounts;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Audit;

public static class AuditEndpoints
{
    public static IServiceCollection AddAudit(this IServiceCollection services) => services.AddScoped<ListAudit>();

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", async ([AsParameters] ListAudit.Request request, ListAudit handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(request, ct)))
            .WithTags("Platform").RequireAuthorization(Policies.Audit);
        app.MapGet("/api/audit/export", ExportAudit.HandleAsync).WithTags("Platform").RequireAuthorization(Policies.Audit);
        return app;
    }
}
