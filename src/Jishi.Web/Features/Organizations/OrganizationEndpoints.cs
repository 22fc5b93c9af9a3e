using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Members;
using Jishi.Web.Shared.Excel;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Organizations;

public static class OrganizationEndpoints
{
    public static IServiceCollection AddOrganizations(this IServiceCollection services) =>
        services.AddScoped<ListUnits>().AddScoped<ChangeUnit>().AddScoped<ImportUnits>().AddScoped<ExportUnits>().AddScoped<UnitItems>()
            .AddScoped<NameStreet>().AddScoped<StreetHeading>();

    public static IEndpointRouteBuilder MapOrganizations(this IEndpointRouteBuilder app)
    {
        var units = app.MapGroup("/api/units").WithTags("Organization").RequireAuthorization();
        units.MapGet("", async (ListUnits handler, CancellationToken ct, bool includeArchived = false) =>
            TypedResults.Ok(await handler.HandleAsync(includeArchived, ct)));

        var manage = units.MapGroup("").RequireAuthorization(Policies.OrgManager);
        manage.MapPost("", async (ChangeUnit.CreateRequest request, ChangeUnit handler, CancellationToken ct) =>
                (await handler.CreateAsync(request, ct)).ToHttp(u => TypedResults.Created($"/api/units/{u.Id}", u)));
        manage.MapPut("/{id:int}", async (int id, RenameRequest request, ChangeUnit handler, CancellationToken ct) =>
            (await handler.RenameAsync(id, request.Name, ct)).ToHttp(TypedResults.Ok));
        manage.MapPost("/{id:int}/move", async (int id, MoveRequest request, ChangeUnit handler, CancellationToken ct) =>
            (await handler.MoveAsync(id, request.ParentId, ct)).ToHttp(TypedResults.Ok));
        manage.MapPost("/{id:int}/archive", async (int id, ChangeUnit handler, CancellationToken ct) =>
            (await handler.SetArchivedAsync(id, true, ct)).ToHttp(TypedResults.Ok));
        manage.MapPost("/{id:int}/restore", async (int id, ChangeUnit handler, CancellationToken ct) =>
            (await handler.SetArchivedAsync(id, false, ct)).ToHttp(TypedResults.Ok));
        manage.MapDelete("/{id:int}", async (int id, ChangeUnit handler, CancellationToken ct) =>
            (await handler.DeleteAsync(id, ct)).ToHttp(_ => TypedResults.NoContent()));
        manage.MapGet("/{id:int}/items", async (int id, UnitItems handler, CancellationToken ct) =>
            (await handler.GetAsync(id, ct)).ToHttp(TypedResults.Ok));
        manage.MapPut("/{id:int}/items", async (int id, UnitItems.Request request, UnitItems handler, CancellationToken ct) =>
            (await handler.SaveAsync(id, request, ct)).ToHttp(TypedResults.Ok));
        MapExcel(manage);
        return app;
    }

    /// <summary>The organization list in the national layout: import under a unit, export of a subtree, the empty template.</summary>
    private static void MapExcel(RouteGroupBuilder manage)
    {
        manage.MapPost("/import", (HttpRequest request, int parentId, ImportUnits handler, CancellationToken ct) =>
                ExcelUploadEndpoints.ImportAsync(request, file => handler.HandleAsync(file, parentId, ct), TypedResults.Ok, ct))
            .AcceptsWorkbook()
            .Produces<ImportSummary>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        manage.MapGet("/export", async (int? unitId, ExportUnits handler, CancellationToken ct) =>
                (await handler.ExportAsync(unitId, ct)).ToHttp(f => f.ToHttp()))
            .Produces(StatusCodes.Status200OK, contentType: ExcelFile.ContentType).ProducesProblem(StatusCodes.Status404NotFound);
        manage.MapGet("/template", (ExportUnits handler) => handler.Template().ToHttp())
            .Produces(StatusCodes.Status200OK, contentType: ExcelFile.ContentType);
    }

    public sealed record RenameRequest(string Name);

    public sealed record MoveRequest(int ParentId);
}
