using Jishi.Web.Features.Accounts;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Committees;

public static class CommitteeEndpoints
{
    public static IServiceCollection AddCommittees(this IServiceCollection services) =>
        services.AddScoped<CommitteeQueries>().AddScoped<ElectCommittee>().AddScoped<CommitteeSecretaries>();

    public static IEndpointRouteBuilder MapCommittees(this IEndpointRouteBuilder app)
    {
        var units = app.MapGroup("/api/units").WithTags("Committees").RequireAuthorization(Policies.OrgManager);
        units.MapGet("/terms", async ([AsParameters] CommitteeQueries.TermsRequest request, CommitteeQueries handler,
                CancellationToken ct) =>
            (await handler.TermsDueAsync(request, ct)).ToHttp(TypedResults.Ok));
        units.MapGet("/{id:int}/committee", async (int id, CommitteeQueries handler, CancellationToken ct) =>
            (await handler.OfUnitAsync(id, ct)).ToHttp(TypedResults.Ok));
        units.MapPut("/{id:int}/committee", async (int id, ElectCommittee.ElectRequest request, ElectCommittee handler,
                CancellationToken ct) =>
            (await handler.ElectAsync(id, request, ct)).ToHttp(TypedResults.Ok));
        return app;
    }
}
