using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Shared;

/// <summary>Maps an <see cref="Error"/> to RFC 7807 ProblemDetails with a localized title and detail, once for
/// every endpoint.</summary>
public static class Problems
{
    public static ProblemHttpResult ToProblem(this Error error, IStringLocalizer<SharedResource> text)
    {
        var args = error.Args.Select(a => a is string s ? text[s].Value : a).ToArray();
        var detail = text[error.Code, args].Value;
        if (error is ValidationError v)
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(v.Fields.ToDictionary(f => f.Key, f => f.Value))
            {
                Title = text["ValidationFailed"].Value,
                Detail = string.Join("；", v.Fields.SelectMany(f => f.Value)),
                Status = error.Status,
            });
        }
        return TypedResults.Problem(detail: detail, statusCode: error.Status, title: TitleFor(error.Status, text));
    }

    private static string TitleFor(int status, IStringLocalizer<SharedResource> text) => status switch
    {
        StatusCodes.Status404NotFound => text["Title.NotFound"].Value,
        StatusCodes.Status409Conflict => text["Title.Conflict"].Value,
        StatusCodes.Status400BadRequest => text["Title.BadRequest"].Value,
        StatusCodes.Status401Unauthorized => text["Title.Unauthorized"].Value,
        StatusCodes.Status429TooManyRequests => text["Title.TooManyRequests"].Value,
        _ => text["Title.Error"].Value,
    };
}
