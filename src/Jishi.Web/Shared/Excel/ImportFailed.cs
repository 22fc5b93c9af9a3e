using Microsoft.Extensions.Localization;

namespace Jishi.Web.Shared.Excel;

/// <summary>The import was refused and nothing was written; answered as <c>{ "errors": [...] }</c>.</summary>
public sealed record ImportFailed(IReadOnlyList<ImportProblem> Problems, int HttpStatus = StatusCodes.Status400BadRequest)
    : Error("Import.Failed", HttpStatus)
{
    /// <summary>A refusal about the file as a whole, with one localized message.</summary>
    public static ImportFailed OfFile(IStringLocalizer text, string code, int status = StatusCodes.Status400BadRequest, params object[] args) =>
        new([new ImportProblem(null, null, text.Format(code, args))], status);
}
