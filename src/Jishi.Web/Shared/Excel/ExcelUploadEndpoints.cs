using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Shared.Excel;

/// <summary>A workbook import over HTTP: the multipart form read by hand, so that a missing, oversized or malformed upload
/// gets the same Chinese error list as a bad workbook, and every refusal answered as API.md promises.</summary>
public static class ExcelUploadEndpoints
{
    /// <summary>The refusal's <c>errors</c>, as OpenAPI describes it.</summary>
    public sealed record ImportErrors(IReadOnlyList<ImportProblem> Errors);

    /// <summary>Reads the form's <c>file</c> and hands it to <paramref name="import"/> (which may read the rest of
    /// <c>request.Form</c>); an <see cref="ImportFailed"/> is answered as <see cref="Refusal"/>, any other error as a problem.</summary>
    public static async Task<IResult> ImportAsync<T>(HttpRequest request, Func<Stream, Task<Result<T>>> import, Func<T, IResult> ok,
        CancellationToken ct)
    {
        var text = request.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (await ReadFileAsync(request, text, ct) is var (file, refused) && refused is not null)
        {
            return Refusal(refused, text);
        }
        await using var stream = file!.OpenReadStream();
        var result = await import(stream);
        return result.Error is ImportFailed failed ? Refusal(failed, text) : result.ToHttp(ok);
    }

    /// <summary>The metadata of such an import: multipart (routing answers 415 to anything else), no antiforgery (API
    /// clients carry bearer tokens; the Identity cookie is SameSite=Lax, so another site cannot post with it) and the
    /// refusals' shape.</summary>
    public static RouteHandlerBuilder AcceptsWorkbook(this RouteHandlerBuilder endpoint) => endpoint
        .DisableAntiforgery()
        .Accepts<IFormFile>("multipart/form-data")
        .Produces<ImportErrors>(StatusCodes.Status400BadRequest, "application/problem+json")
        .Produces<ImportErrors>(StatusCodes.Status413PayloadTooLarge, "application/problem+json");

    private static async Task<(IFormFile? File, ImportFailed? Refused)> ReadFileAsync(HttpRequest request, IStringLocalizer text, CancellationToken ct)
    {
        const long formOverhead = 64 * 1024;
        if (request.ContentLength > ExcelUpload.MaxBytes + formOverhead)
        {
            return (null, ExcelUpload.TooLarge(text));
        }
        try
        {
            var form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = ExcelUpload.MaxBytes + formOverhead }, ct);
            var file = form.Files.GetFile("file") ?? (form.Files.Count == 1 ? form.Files[0] : null);
            return file is null ? (null, ImportFailed.OfFile(text, "Import.NoFile"))
                : file.Length > ExcelUpload.MaxBytes ? (null, ExcelUpload.TooLarge(text))
                : (file, null);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            // Kestrel's body limit, the multipart length limit (a chunked upload has no Content-Length to check first)
            // and a truncated or malformed form all end here.
            var overLimit = e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                || (e is InvalidDataException && e.Message.Contains("length limit", StringComparison.Ordinal));
            return (null, overLimit ? ExcelUpload.TooLarge(text) : ImportFailed.OfFile(text, "Import.NoFile"));
        }
    }

    /// <summary>A ProblemDetails whose <c>errors</c> is the list API.md promises: <c>[{ row, column, message }]</c>.</summary>
    private static IResult Refusal(ImportFailed failed, IStringLocalizer text)
    {
        var problem = new ProblemDetails
        {
            Status = failed.Status,
            Title = text["Import.Failed"].Value,
            Detail = failed.Problems.Count == 1 ? failed.Problems[0].Message : text["Import.SeeErrors"].Value,
        };
        problem.Extensions["errors"] = failed.Problems;
        return TypedResults.Problem(problem);
    }
}
