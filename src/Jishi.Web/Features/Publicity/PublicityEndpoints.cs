using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared.Excel;
using Jishi.Web.Shared;
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
        // Antiforgery is off as for the 整改 evidence: API clients carry bearer tokens and the Identity cookie is SameSite=Lax.
        items.MapPost("/{id:int}/file", async (int id, IFormFile file, PublicityBook book, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            {
                await using var stream = file.OpenReadStream();
                return (await book.AttachAsync(id, file.FileName, file.Length, stream, ct)).ToHttp(text, TypedResults.Ok);
            })
            .DisableAntiforgery().Produces<PublicityItemDto>().ProducesProblem(400).ProducesProblem(413);
        items.MapGet("/{id:int}/file", async (int id, PublicityBook book, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await book.FileAsync(id, ct)).ToHttp(text, f => TypedResults.File(f.Content, f.ContentType, f.FileName)))
            .Produces(200, contentType: "application/octet-stream").ProducesProblem(404);
        return app;
    }
}
