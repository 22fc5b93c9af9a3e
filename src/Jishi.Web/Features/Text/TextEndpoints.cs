using Jishi.Web.Shared;
using Jishi.Web.Shared.Files;

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
        app.MapPost("/api/text/clean", (CleanText.Request request, CleanText handler) =>
                request.Text?.Length > CleanText.MaxLength
                    ? new ValidationError([new FieldProblem("text", "Text.TooLong", CleanText.MaxLength)]).ToProblem()
                    : (IResult)TypedResults.Ok(handler.Handle(request)))
            .WithTags("Platform").RequireAuthorization()
            .Produces<CleanText.Response>().ProducesValidationProblem();
        app.MapPost("/api/text/import", (IFormFile file, ImportReport handler, CancellationToken ct) =>
                file.ReceiveAsync(upload => handler.ReadAsync(upload, ct), TypedResults.Ok))
            .WithTags("Platform").RequireAuthorization().AcceptsUpload()
            .Produces<ImportedReport>();
        return app;
    }
}
