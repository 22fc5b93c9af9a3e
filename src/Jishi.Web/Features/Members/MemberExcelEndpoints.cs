using Jishi.Web.Features.Accounts;
using Jishi.Web.Shared;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Members;

/// <summary>The roster workbook over HTTP: POST /api/members/import, GET /api/members/export and GET /api/members/template.</summary>
public static class MemberExcelEndpoints
{
    public sealed record ImportErrors(IReadOnlyList<ImportProblem> Errors);

    public static IEndpointRouteBuilder MapMemberExcel(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/api/members").WithTags("Members").RequireAuthorization(Policies.OrgManager);
        // The form is read by hand so that a missing, oversized or malformed upload gets the same Chinese error list
        // as a bad workbook (Accepts makes routing answer 415 to anything but multipart/form-data). Antiforgery is off because API clients carry bearer tokens; the Identity cookie is
        // SameSite=Lax, so another site cannot post here with it.
        members.MapPost("/import", async (HttpRequest request, int? unitId, bool? preview, ImportMembers handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            {
                if (await ReadFileAsync(request, handler, ct) is var (file, refused) && refused is not null)
                {
                    return Refusal(refused, text);
                }
                await using var stream = file!.OpenReadStream();
                var result = await handler.HandleAsync(stream, unitId, ct, preview == true);
                return result.IsSuccess ? TypedResults.Ok(result.Value)
                    : result.Error is ImportFailed failed ? Refusal(failed, text) : result.Error!.ToProblem(text);
            })
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<RosterImportSummary>()
            .Produces<ImportErrors>(StatusCodes.Status400BadRequest, "application/problem+json")
            .Produces<ImportErrors>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")
            .ProducesProblem(StatusCodes.Status404NotFound);
        members.MapGet("/export", async ([AsParameters] ExportMembers.Request request, ExportMembers handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.ExportAsync(request, ct)).ToHttp(text, AsFile))
            .Produces(StatusCodes.Status200OK, contentType: ExcelFile.ContentType).ProducesProblem(StatusCodes.Status404NotFound);
        members.MapGet("/template", async (int? unitId, ExportMembers handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.TemplateAsync(unitId, ct)).ToHttp(text, AsFile))
            .Produces(StatusCodes.Status200OK, contentType: ExcelFile.ContentType).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static IResult AsFile(ExcelFile file) => TypedResults.File(file.Content, ExcelFile.ContentType, file.FileName);

    internal static async Task<(IFormFile? File, ImportFailed? Refused)> ReadFileAsync(HttpRequest request, ImportMembers handler, CancellationToken ct)
    {
        const long formOverhead = 64 * 1024;
        var tooLarge = handler.FileProblem("Import.TooLarge", StatusCodes.Status413PayloadTooLarge, ImportMembers.MaxFileBytes / 1024 / 1024);
        if (request.ContentLength > ImportMembers.MaxFileBytes + formOverhead)
        {
            return (null, tooLarge);
        }
        try
        {
            var form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = ImportMembers.MaxFileBytes + formOverhead }, ct);
            var file = form.Files.GetFile("file") ?? (form.Files.Count == 1 ? form.Files[0] : null);
            return file is null ? (null, handler.FileProblem("Import.NoFile"))
                : file.Length > ImportMembers.MaxFileBytes ? (null, tooLarge)
                : (file, null);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            // Kestrel's body limit, the multipart length limit (a chunked upload has no Content-Length to check first)
            // and a truncated or malformed form all end here.
            var overLimit = e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                || (e is InvalidDataException && e.Message.Contains("length limit", StringComparison.Ordinal));
            return (null, overLimit ? tooLarge : handler.FileProblem("Import.NoFile"));
        }
    }

    /// <summary>A ProblemDetails whose <c>errors</c> is the list API.md promises: <c>[{ row, column, message }]</c>.</summary>
    internal static IResult Refusal(ImportFailed failed, IStringLocalizer<SharedResource> text)
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
