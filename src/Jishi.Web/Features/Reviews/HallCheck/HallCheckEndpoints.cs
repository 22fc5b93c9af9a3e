using Jishi.Web.Features.Accounts;

namespace Jishi.Web.Features.Reviews.HallCheck;

public static class HallCheckEndpoints
{
    /// <summary>The check screen polls this (js/hall-check.js) until a phone has opened the test page.</summary>
    public static IEndpointRouteBuilder MapHallCheck(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/hall-checks/{token}", (string token, HallChecks checks) =>
                checks.StatusOf(token) is { } status ? Results.Ok(status) : Results.NotFound())
            .WithTags("Reviews").RequireAuthorization(Policies.StreetAdmin).Produces<HallChecks.Status>().ExcludeFromDescription();
        return app;
    }
}
