using Jishi.Web.Features.Accounts;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Points;

public static class ExemptionEndpoints
{
    public static IEndpointRouteBuilder MapPointsExemptions(this IEndpointRouteBuilder app)
    {
        // The branch decides and its secretary (or the community, the street) records it, within their subtree.
        var group = app.MapGroup("/api/points/exemptions").WithTags("Points").RequireAuthorization(Policies.OrgManager);
        group.MapGet("", async ([AsParameters] Exemptions.ListRequest request, Exemptions exemptions, CancellationToken ct) =>
            TypedResults.Ok(await exemptions.ListAsync(request, ct)));
        group.MapPost("", async (Exemptions.ExemptRequest request, Exemptions exemptions, CancellationToken ct) =>
                (await exemptions.ExemptAsync(request, ct)).ToHttp(x => TypedResults.Created($"/api/points/exemptions?memberId={x.MemberId}&year={x.Year}", x)));
        group.MapDelete("", async (int memberId, int year, Exemptions exemptions, CancellationToken ct) =>
            (await exemptions.LiftAsync(memberId, year, ct)).ToHttp(_ => TypedResults.NoContent()));
        return app;
    }
}
