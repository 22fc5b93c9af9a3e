using Jishi.Web.Features.Accounts;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Members;

public static class TierEndpoints
{
    public static IServiceCollection AddTiers(this IServiceCollection services) => services.AddScoped<ManageTiers>();

    /// <summary>Changing the tier list is the street's decision (PRODUCT.md: rules are the street admin's).</summary>
    public static IEndpointRouteBuilder MapTiers(this IEndpointRouteBuilder app)
    {
        var tiers = app.MapGroup("/api/tiers/manage").WithTags("Members").RequireAuthorization(Policies.StreetAdmin);
        tiers.MapGet("", async (ManageTiers handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)));
        tiers.MapPost("", async (TierRequest request, ManageTiers handler, CancellationToken ct) =>
                (await handler.AddAsync(request.Name, ct)).ToHttp(t => TypedResults.Created("/api/tiers", t)));
        tiers.MapPost("/{name}/retire", async (string name, ManageTiers handler, CancellationToken ct) =>
            (await handler.SetActiveAsync(name, false, ct)).ToHttp(TypedResults.Ok));
        tiers.MapPost("/{name}/reinstate", async (string name, ManageTiers handler, CancellationToken ct) =>
            (await handler.SetActiveAsync(name, true, ct)).ToHttp(TypedResults.Ok));
        return app;
    }

    public sealed record TierRequest(string Name);
}
