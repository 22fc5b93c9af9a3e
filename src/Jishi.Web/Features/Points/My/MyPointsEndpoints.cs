using Jishi.Web.Features.Points.Postings;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Points.My;

public static class MyPointsEndpoints
{
    public static IServiceCollection AddMyPoints(this IServiceCollection services) => services.AddScoped<MyPoints>();

    /// <summary>Any signed-in caller may ask: the handler answers only about the member the account is bound to (404 for an
    /// account bound to none), so these need no policy and take no member id.</summary>
    public static IEndpointRouteBuilder MapMyPoints(this IEndpointRouteBuilder app)
    {
        var my = app.MapGroup("/api/my").WithTags("Points").RequireAuthorization();
        my.MapGet("/points", async (int? year, MyPoints handler, CancellationToken ct) =>
                (await handler.GetAsync(year, ct)).ToHttp(TypedResults.Ok)).ProducesProblem(404);
        my.MapPost("/objections", async (MyPoints.ObjectionRequest request, MyPoints handler, CancellationToken ct) =>
                (await handler.ObjectAsync(request, ct)).ToHttp(o => TypedResults.Created($"/api/points/objections/{o.Id}", o))).ProducesProblem(404).ProducesProblem(409);
        return app;
    }
}
