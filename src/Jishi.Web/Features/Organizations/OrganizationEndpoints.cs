using Jishi.Web.Features.Accounts;
using Jishi.Web.Shared;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Organizations;

public static class OrganizationEndpoints
{
    public static IServiceCollection AddOrganizations(this IServiceCollection services) =>
        services.AddScoped<ListUnits>().AddScoped<ChangeUnit>();

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
        return app;
    }

    public sealed record RenameRequest(string Name);

    public sealed record MoveRequest(int ParentId);
}
