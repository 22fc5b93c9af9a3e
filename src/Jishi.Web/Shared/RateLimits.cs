using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Shared;

/// <summary>Rate limits per client address and route (ASP.NET Core's rate limiter, fixed windows): <see cref="SignIn"/> for
/// the login form and token issue (password guessing), <see cref="Public"/> for what anyone may send without an account
/// (wishes, check-in, objections). Ballots have <see cref="GuessLimit"/> instead, which counts only failed codes. Over the limit: 429 with a Chinese ProblemDetails and Retry-After.
/// Limits are configuration, Jishi:RateLimits:{SignIn|Public}:PermitLimit and :WindowSeconds; a PermitLimit of 0 turns a
/// policy off (the tests and benchmarks drive the server from one address).</summary>
public static class RateLimits
{
    public const string SignIn = nameof(SignIn);
    public const string Public = nameof(Public);

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration config) =>
        services.AddSingleton<GuessLimit>().AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            // Twenty tries a minute leave room for a cadre who mistypes; a guesser gets nowhere.
            AddPolicy(options, config.GetSection("Jishi:RateLimits:" + SignIn), SignIn, permits: 20);
            // One phone sends a handful of these a minute, but a hall's ninety phones may reach a district server through one
            // NAT address: 600 a minute per address and route lets a full room check in or object at once (about five each)
            // and still stops a script flooding the wish form.
            AddPolicy(options, config.GetSection("Jishi:RateLimits:" + Public), Public, permits: 600);
        });

    private static void AddPolicy(RateLimiterOptions options, IConfigurationSection section, string name, int permits)
    {
        var limit = section.GetValue("PermitLimit", permits);
        var window = TimeSpan.FromSeconds(section.GetValue("WindowSeconds", 60));
        options.AddPolicy(name, http => limit <= 0
            ? RateLimitPartition.GetNoLimiter("")
            : RateLimitPartition.GetFixedWindowLimiter(
                // Per route, not per path: a guesser trying ballot codes stays in one partition.
                $"{http.Connection.RemoteIpAddress} {(http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = window, QueueLimit = 0 }));
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct) =>
        await RefuseAsync(context.HttpContext, context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : null);

    /// <summary>429 with a Chinese ProblemDetails and, when known, Retry-After in whole seconds.</summary>
    public static async Task RefuseAsync(HttpContext http, TimeSpan? retryAfter)
    {
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (retryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        await TypedResults.Problem(text["RateLimited"].Value, statusCode: StatusCodes.Status429TooManyRequests, title: text["Status.429"].Value)
            .ExecuteAsync(http);
    }
}
