using Jishi.Web.Features.Accounts;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Points.Postings;

public static class PostingEndpoints
{
    public static IServiceCollection AddPostings(this IServiceCollection services) =>
        services.AddScoped<PostingQueries>().AddScoped<OpenPosting>().AddScoped<RecordObjection>()
            .AddScoped<ResolveObjection>();

    public static IEndpointRouteBuilder MapPostings(this IEndpointRouteBuilder app)
    {
        // The street and community (and branch) secretaries post their own subtree's quarter and handle its objections.
        var group = app.MapGroup("/api/points").WithTags("Points").RequireAuthorization(Policies.OrgManager);
        group.MapPost("/postings", async (OpenPosting.Request request, OpenPosting handler, CancellationToken ct) => (await handler.HandleAsync(request, ct))
                .ToHttp(p => TypedResults.Created($"/api/points/postings/{p.Id}", p)));
        group.MapGet("/postings", async ([AsParameters] PostingQueries.ListRequest request, PostingQueries queries, CancellationToken ct) =>
                (await queries.ListAsync(request, ct)).ToHttp(TypedResults.Ok));
        group.MapGet("/postings/{id:int}", async (int id, PostingQueries queries,
                CancellationToken ct) => (await queries.GetAsync(id, ct)).ToHttp(TypedResults.Ok));
        group.MapPost("/postings/{id:int}/objections", async (int id, RecordObjection.Request request,
                RecordObjection handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct))
                .ToHttp(o => TypedResults.Created($"/api/points/objections/{o.Id}", o)));
        group.MapPost("/objections/{id:int}/resolve", async (int id, ResolveObjection.Request request,
                ResolveObjection handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(TypedResults.Ok));
        return app;
    }
}
