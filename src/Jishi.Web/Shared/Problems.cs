using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Shared;

/// <summary>Maps an <see cref="Error"/> to RFC 7807 ProblemDetails with a localized title and detail, once for
/// every endpoint.</summary>
public static class Problems
{
    public static ProblemHttpResult ToProblem(this Error error, IStringLocalizer<SharedResource> text)
    {
        if (error is ValidationError v)
        {
            var fields = v.Problems.GroupBy(p => p.Field)
                .ToDictionary(g => g.Key, g => g.Select(p => text.Format(p.Code, p.Args)).ToArray());
            var problem = new HttpValidationProblemDetails(fields)
            {
                Title = text["ValidationFailed"].Value,
                Detail = string.Join("；", fields.SelectMany(f => f.Value)),
                Status = error.Status,
            };
            foreach (var (key, value) in v.Data)
            {
                problem.Extensions[key] = value;
            }
            return TypedResults.Problem(problem);
        }
        return TypedResults.Problem(detail: text.Format(error.Code, error.Args), statusCode: error.Status, title: TitleFor(error.Status, text));
    }

    /// <summary>The localized message of <paramref name="code"/>; string arguments that are themselves resource names
    /// (such as "Entity.Unit") are localized too.</summary>
    public static string Format(this IStringLocalizer text, string code, object[] args) =>
        text[code, args.Select(a => a is string s && text[s] is { ResourceNotFound: false } r ? r.Value : a).ToArray()].Value;

    /// <summary>The localized message of <paramref name="error"/> as one line, a validation failure's messages joined, for a
    /// page to show under its form.</summary>
    public static string Describe(this IStringLocalizer text, Error error) => error is ValidationError v
        ? string.Join("；", v.Problems.Select(p => text.Format(p.Code, p.Args)))
        : text.Format(error.Code, error.Args);

    /// <summary>A validation failure's messages by field, a field's joined, for a form to show beside its inputs.</summary>
    public static Dictionary<string, string> DescribeFields(this IStringLocalizer text, ValidationError invalid) =>
        invalid.Problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => string.Join("；", g.Select(p => text.Format(p.Code, p.Args))));

    private static string TitleFor(int status, IStringLocalizer<SharedResource> text) => status switch
    {
        StatusCodes.Status404NotFound => text["Title.NotFound"].Value,
        StatusCodes.Status409Conflict => text["Title.Conflict"].Value,
        StatusCodes.Status400BadRequest => text["Title.BadRequest"].Value,
        StatusCodes.Status401Unauthorized => text["Title.Unauthorized"].Value,
        StatusCodes.Status429TooManyRequests => text["Title.TooManyRequests"].Value,
        // A handler's refusal (403) or any other status has the title the framework's own answers carry.
        _ => text.StatusTitle(status),
    };

    /// <summary>The title of an answer with <paramref name="status"/> (Status.403 无权访问 …), or the general error title.</summary>
    public static string StatusTitle(this IStringLocalizer text, int status) =>
        text["Status." + status] is { ResourceNotFound: false } t ? t.Value : text["Title.Error"].Value;
}

public static class ResultHttp
{
    /// <summary>Answers <paramref name="ok"/> for a success and the localized ProblemDetails for an error.</summary>
    public static HttpAnswer<TOk> ToHttp<T, TOk>(this Result<T> result, Func<T, TOk> ok) where TOk : IResult =>
        result.IsSuccess ? new(ok(result.Value!)) : new(result.Error!);

    /// <summary>The error as ProblemDetails localized when it is written.</summary>
    public static LocalizedProblem ToProblem(this Error error) => new(error);
}
