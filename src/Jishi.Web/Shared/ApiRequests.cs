namespace Jishi.Web.Shared;

/// <summary>Where a request goes: the API under /api answers with status codes and ProblemDetails, never with pages or
/// redirects to the login page.</summary>
public static class ApiRequests
{
    public const string Prefix = "/api";

    public static bool IsApi(this HttpRequest request) => request.IsUnder(Prefix);

    /// <summary>Whether the request's path is <paramref name="prefix"/> or lies below it, segment by segment ("/api" is not
    /// "/apis").</summary>
    public static bool IsUnder(this HttpRequest request, PathString prefix)
    {
        var path = request.Path;
        return path.StartsWithSegments(prefix);
    }
}
