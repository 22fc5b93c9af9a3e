using Jishi.Web.Features.Accounts;
using Jishi.Web.Shared.Excel;

namespace Jishi.Web.Features.Dashboard;

public static class DashboardSetup
{
    /// <summary>The panel sources in page order, each served alone at /api/dashboard/{name}. A new panel is one class implementing <see cref="IPanelSource"/> and one line here.</summary>
    public static readonly IReadOnlyList<(string Name, Type Type)> Sources =
    [
        ("reviews", typeof(ReviewFigures)),
        ("points", typeof(PointsFigures)),
        ("service", typeof(ServiceFigures)),
        ("rectifications", typeof(RectificationFigures)),
        ("key-tasks", typeof(KeyTaskFigures)),
        ("turnaround", typeof(TurnaroundFigures)),
        ("terms", typeof(TermFigures)),
        ("overdue", typeof(OverdueItems)),
    ];

    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        foreach (var (_, type) in Sources)
        {
            services.AddScoped(type);
        }
        // What the overdue list reads, one line per kind of overdue item.
        services.AddScoped<IOverdueSource>(sp => sp.GetRequiredService<RectificationFigures>());
        services.AddScoped<IOverdueSource>(sp => sp.GetRequiredService<KeyTaskFigures>());
        services.AddScoped<IOverdueSource>(sp => sp.GetRequiredService<TurnaroundFigures>());
        return services.AddScoped<DashboardScopes>().AddScoped<DashboardBoard>();
    }

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        // The street committee sees its street, a community or branch secretary the same figures for its own subtree.
        var dashboard = app.MapGroup("/api/dashboard").WithTags("Dashboard").RequireAuthorization(Policies.OrgManager);
        dashboard.MapGet("", async (int? year, DashboardBoard board, CancellationToken ct) => TypedResults.Ok(await board.ViewAsync(year, null, ct)));
        foreach (var (name, _) in Sources)
        {
            dashboard.MapGet("/" + name, async (int? year, DashboardBoard board, CancellationToken ct) =>
                TypedResults.Ok(await board.ViewAsync(year, name, ct)));
        }
        dashboard.MapGet("/export.xlsx", async Task<IResult> (int? year, string? panel, DashboardBoard board, CancellationToken ct) =>
                await board.WorkbookAsync(year, panel, ct) is { } file
                    ? TypedResults.File(file.Content, ExcelFile.ContentType, file.FileName)
                    : TypedResults.NotFound())
            .Produces(200, contentType: ExcelFile.ContentType).Produces(404);
        return app;
    }
}
