using Jishi.Web.Shared;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Text;

public static class TextEndpoints
{
    public static IServiceCollection AddText(this IServiceCollection services) =>
        services
            // Created by a factory, so the container disposes it (and closes libopencc) at shutdown.
            .AddSingleton(sp => ChineseConverters.Create(sp.GetRequiredService<ILogger<IChineseConverter>>()))
            .AddSingleton<GlossWords>()
            .AddSingleton<CleanText>()
            .AddSingleton<ImportReport>();

    public static IEndpointRouteBuilder MapText(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/text/clean", (CleanText.Request request, CleanText handler, IStringLocalizer<SharedResource> text) =>
                request.Text?.Length > CleanText.MaxLength
                    ? new ValidationError([new FieldProblem("text", "Text.TooLong", CleanText.MaxLength)]).ToProblem(text)
                    : (IResult)TypedResults.Ok(handler.Handle(request)))
            .WithTags("Platform").RequireAuthorization()
            .Produces<CleanText.Response>().ProducesValidationProblem();
        // Antiforgery is off as for the other uploads: API clients carry bearer tokens and the Identity cookie is SameSite=Lax.
        app.MapPost("/api/text/import", async (IFormFile file, ImportReport handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            {
                await using var stream = file.OpenReadStream();
                return (await handler.ReadAsync(file.FileName, file.Length, stream, ct)).ToHttp(text, TypedResults.Ok);
            })
            .WithTags("Platform").RequireAuthorization().DisableAntiforgery()
            .Produces<ImportedReport>().ProducesProblem(400).ProducesProblem(413);
        return app;
    }
}
