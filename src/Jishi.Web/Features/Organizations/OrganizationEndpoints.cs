using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Members;
using Jishi.Web.Shared.Excel;
using Jishi.Web.Shared;
using Microsoft.Extensions.Localization;

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
        manage.MapPost("", async (ChangeUnit.CreateRequest request, ChangeUnit handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.CreateAsync(request, ct)).ToHttp(text, u => TypedResults.Created($"/api/units/{u.Id}", u)))
            .Produces<UnitDto>(201);
        manage.MapPut("/{id:int}", async (int id, RenameRequest request, ChangeUnit handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await handler.RenameAsync(id, request.Name, ct)).ToHttp(text, TypedResults.Ok));
        manage.MapPost("/{id:int}/move", async (int id, MoveRequest request, ChangeUnit handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await handler.MoveAsync(id, request.ParentId, ct)).ToHttp(text, TypedResults.Ok));
        manage.MapPost("/{id:int}/archive", async (int id, ChangeUnit handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await handler.SetArchivedAsync(id, true, ct)).ToHttp(text, TypedResults.Ok));
        manage.MapPost("/{id:int}/restore", async (int id, ChangeUnit handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await handler.SetArchivedAsync(id, false, ct)).ToHttp(text, TypedResults.Ok));
        manage.MapDelete("/{id:int}", async (int id, ChangeUnit handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await handler.DeleteAsync(id, ct)).ToHttp(text, _ => TypedResults.NoContent()));
        manage.MapGet("/{id:int}/items", async (int id, UnitItems handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await handler.GetAsync(id, ct)).ToHttp(text, TypedResults.Ok));
        manage.MapPut("/{id:int}/items", async (int id, UnitItems.Request request, UnitItems handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await handler.SaveAsync(id, request, ct)).ToHttp(text, TypedResults.Ok));
        MapExcel(manage);
        return app;
    }

    /// <summary>The organization list in the national layout: import under a unit, export of a subtree, the empty template.</summary>
    private static void MapExcel(RouteGroupBuilder manage)
    {
        manage.MapPost("/import", (HttpRequest request, int parentId, ImportUnits handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                ExcelUploadEndpoints.ImportAsync(request, text, file => handler.HandleAsync(file, parentId, ct), TypedResults.Ok, ct))
            .AcceptsWorkbook()
            .Produces<ImportSummary>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        manage.MapGet("/export", async (int? unitId, ExportUnits handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.ExportAsync(unitId, ct)).ToHttp(text, f => f.ToHttp()))
            .Produces(StatusCodes.Status200OK, contentType: ExcelFile.ContentType).ProducesProblem(StatusCodes.Status404NotFound);
        manage.MapGet("/template", (ExportUnits handler) => handler.Template().ToHttp())
            .Produces(StatusCodes.Status200OK, contentType: ExcelFile.ContentType);
    }

    public sealed record RenameRequest(string Name);

    public sealed record MoveRequest(int ParentId);
}
