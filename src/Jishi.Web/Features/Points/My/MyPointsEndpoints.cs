using Jishi.Web.Features.Points.Postings;
using Jishi.Web.Shared;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Points.My;

public static class MyPointsEndpoints
{
    public static IServiceCollection AddMyPoints(this IServiceCollection services) => services.AddScoped<MyPoints>();

    /// <summary>Any signed-in caller may ask: the handler answers only about the member the account is bound to (404 for an
    /// account bound to none), so these need no policy and take no member id.</summary>
    public static IEndpointRouteBuilder MapMyPoints(this IEndpointRouteBuilder app)
    {
        var my = app.MapGroup("/api/my").WithTags("Points").RequireAuthorization();
        my.MapGet("/points", async (int? year, MyPoints handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.GetAsync(year, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<MyPointsDto>().ProducesProblem(404);
        my.MapPost("/objections", async (MyPoints.ObjectionRequest request, MyPoints handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.ObjectAsync(request, ct)).ToHttp(text, o => TypedResults.Created($"/api/points/objections/{o.Id}", o)))
            .Produces<ObjectionDto>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        return app;
    }
}
