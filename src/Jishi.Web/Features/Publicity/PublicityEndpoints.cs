using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared.Excel;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Files;

namespace Jishi.Web.Features.Publicity;

public static class PublicityEndpoints
{
    public static IServiceCollection AddPublicity(this IServiceCollection services, IConfiguration configuration) => services
        .AddSingleton(configuration.GetSection(PublicityWeights.Section).Get<PublicityWeights>() ?? new PublicityWeights())
        .AddScoped<PublicityQueries>().AddScoped<RecordPublicity>().AddScoped<RemovePublicity>().AddScoped<PublicityRanking>()
        .AddScoped<PublicityFigures>().AddScoped<PublicityChoices>();

    public static IEndpointRouteBuilder MapPublicity(this IEndpointRouteBuilder app)
    {
        var items = app.MapGroup("/api/publicity").WithTags("Publicity").RequireAuthorization(Policies.OrgManager);
        items.MapGet("", async (int? unitId, int? year, PublicityQueries handler, CancellationToken ct) =>
                (await handler.ListAsync(unitId, year, ct)).ToHttp(TypedResults.Ok));
        items.MapPost("", async (RecordPublicity.CreateRequest request, RecordPublicity handler,
                CancellationToken ct) => (await handler.CreateAsync(request, ct)).ToHttp(p => TypedResults.Created($"/api/publicity/{p.Id}", p)));
        items.MapGet("/ranking", async (int year, PublicityRanking handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.RankingAsync(year, ct)));
        items.MapGet("/ranking.xlsx", async (int year, PublicityRanking handler, CancellationToken ct) =>
            {
                var file = await handler.RankingWorkbookAsync(year, ct);
                return TypedResults.File(file.Content, ExcelFile.ContentType, file.FileName);
            })
            .Produces(200, contentType: ExcelFile.ContentType);
        items.MapGet("/{id:int}", async (int id, PublicityQueries handler, CancellationToken ct) =>
                (await handler.GetAsync(id, ct)).ToHttp(TypedResults.Ok));
        items.MapPost("/{id:int}/remove", async (int id, PointsLedger.ReasonRequest request, RemovePublicity handler, CancellationToken ct) => (await handler.RemoveAsync(id, request, ct)).ToHttp(TypedResults.Ok));
        items.MapPost("/{id:int}/file", (int id, IFormFile file, RecordPublicity handler, CancellationToken ct) =>
                file.ReceiveAsync(upload => handler.AttachAsync(id, upload, ct), TypedResults.Ok))
            .AcceptsUpload().Produces<PublicityItemDto>();
        items.MapGet("/{id:int}/file", async (int id, PublicityQueries handler, CancellationToken ct) =>
                (await handler.FileAsync(id, ct)).ToHttp(f => f.ToHttp()))
            .Produces(200, contentType: "application/octet-stream").ProducesProblem(404);
        return app;
    }
}
