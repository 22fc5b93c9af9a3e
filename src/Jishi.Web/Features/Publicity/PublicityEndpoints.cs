using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared.Excel;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Files;
using Microsoft.Extensions.Localization;

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
        items.MapGet("", async (int? unitId, int? year, PublicityQueries handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.ListAsync(unitId, year, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<IReadOnlyList<PublicityItemDto>>();
        items.MapPost("", async (RecordPublicity.CreateRequest request, RecordPublicity handler, IStringLocalizer<SharedResource> text,
                CancellationToken ct) => (await handler.CreateAsync(request, ct)).ToHttp(text, p => TypedResults.Created($"/api/publicity/{p.Id}", p)))
            .Produces<PublicityItemDto>(201).ProducesValidationProblem();
        items.MapGet("/ranking", async (int year, PublicityRanking handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.RankingAsync(year, ct)))
            .Produces<IReadOnlyList<PublicityRank>>();
        items.MapGet("/ranking.xlsx", async (int year, PublicityRanking handler, CancellationToken ct) =>
            {
                var file = await handler.RankingWorkbookAsync(year, ct);
                return TypedResults.File(file.Content, ExcelFile.ContentType, file.FileName);
            })
            .Produces(200, contentType: ExcelFile.ContentType);
        items.MapGet("/{id:int}", async (int id, PublicityQueries handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.GetAsync(id, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<PublicityItemDto>();
        items.MapPost("/{id:int}/remove", async (int id, PointsLedger.ReasonRequest request, RemovePublicity handler,
                IStringLocalizer<SharedResource> text, CancellationToken ct) => (await handler.RemoveAsync(id, request, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<PublicityItemDto>().ProducesValidationProblem();
        items.MapPost("/{id:int}/file", (int id, IFormFile file, RecordPublicity handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                file.ReceiveAsync(upload => handler.AttachAsync(id, upload, ct), text, TypedResults.Ok))
            .AcceptsUpload().Produces<PublicityItemDto>();
        items.MapGet("/{id:int}/file", async (int id, PublicityQueries handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.FileAsync(id, ct)).ToHttp(text, f => f.ToHttp()))
            .Produces(200, contentType: "application/octet-stream").ProducesProblem(404);
        return app;
    }
}
