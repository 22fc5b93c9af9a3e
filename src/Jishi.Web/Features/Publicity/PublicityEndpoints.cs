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
        .AddScoped<PublicityBook>().AddScoped<PublicityFigures>().AddScoped<PublicityChoices>();

    public static IEndpointRouteBuilder MapPublicity(this IEndpointRouteBuilder app)
    {
        var items = app.MapGroup("/api/publicity").WithTags("Publicity").RequireAuthorization(Policies.OrgManager);
        items.MapGet("", async (int? unitId, int? year, PublicityBook book, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await book.ListAsync(unitId, year, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<IReadOnlyList<PublicityItemDto>>();
        items.MapPost("", async (PublicityBook.CreateRequest request, PublicityBook book, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await book.CreateAsync(request, ct)).ToHttp(text, p => TypedResults.Created($"/api/publicity/{p.Id}", p)))
            .Produces<PublicityItemDto>(201).ProducesValidationProblem();
        items.MapGet("/ranking", async (int year, PublicityBook book, CancellationToken ct) => TypedResults.Ok(await book.RankingAsync(year, ct)))
            .Produces<IReadOnlyList<PublicityRank>>();
        items.MapGet("/ranking.xlsx", async (int year, PublicityBook book, CancellationToken ct) =>
            {
                var file = await book.RankingWorkbookAsync(year, ct);
                return TypedResults.File(file.Content, ExcelFile.ContentType, file.FileName);
            })
            .Produces(200, contentType: ExcelFile.ContentType);
        items.MapGet("/{id:int}", async (int id, PublicityBook book, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await book.GetAsync(id, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<PublicityItemDto>();
        items.MapPost("/{id:int}/remove", async (int id, PointsLedger.ReasonRequest request, PublicityBook book, IStringLocalizer<SharedResource> text,
                CancellationToken ct) => (await book.RemoveAsync(id, request, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<PublicityItemDto>().ProducesValidationProblem();
        items.MapPost("/{id:int}/file", (int id, IFormFile file, PublicityBook book, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                file.ReceiveAsync(upload => book.AttachAsync(id, upload, ct), text, TypedResults.Ok))
            .AcceptsUpload().Produces<PublicityItemDto>();
        items.MapGet("/{id:int}/file", async (int id, PublicityBook book, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await book.FileAsync(id, ct)).ToHttp(text, f => f.ToHttp()))
            .Produces(200, contentType: "application/octet-stream").ProducesProblem(404);
        return app;
    }
}
