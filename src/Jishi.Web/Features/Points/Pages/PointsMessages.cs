using Jishi.Web.Shared;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Points.Pages;

public static class PointsMessages
{
    /// <summary>An error as one line for a page: each problem of a validation error, else its message.</summary>
    public static string Of(IStringLocalizer text, Error error) => error is ValidationError invalid
        ? string.Join("；", invalid.Problems.Select(p => text.Format(p.Code, p.Args)))
        : text.Format(error.Code, error.Args);
}
