
namespace Jishi.Web.Shared;

/// <summary>Marks an endpoint or page whose address carries a code (a ballot token): <see cref="GuessLimit"/> counts the
/// failures a guesser makes there.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class GuessLimitedAttribute : Attribute;

/// <summary>The limit against guessing ballot codes. It counts what a guesser does, per client address: an unknown code,
/// a used code, a malformed request (400). A valid unused code is never counted, so ninety phones behind one NAT address
/// all vote; an address with <c>Jishi:RateLimits:Guess:PermitLimit</c> failures (default 20) in a window of
/// <c>:WindowSeconds</c> (default 60) gets 429 before its code is looked up, until the window ends. A PermitLimit of 0 turns
/// it off. Counted in memory per instance: behind a load balancer a guesser gets that many tries per instance, still
/// nowhere against 32¹² codes.</summary>
public sealed class GuessLimit
{
    public const string Section = "Jishi:RateLimits:Guess";
    private const string Charged = "Jishi.GuessLimit.Charged";

    private readonly FailureWindow? _failures;

    public GuessLimit(IConfiguration config, TimeProvider clock)
    {
        var section = config.GetSection(Section);
        var limit = section.GetValue("PermitLimit", 20);
        _failures = limit <= 0 ? null : new FailureWindow(limit, TimeSpan.FromSeconds(section.GetValue("WindowSeconds", 60)), clock);
    }

    /// <summary>A failure a guesser makes: an unknown code (404), a used one, a malformed request (400). A campaign that is
    /// not open yet is not one: a room that scans its codes early must not lock itself out.</summary>
    public static bool IsGuess(Error error) => error.Status is StatusCodes.Status400BadRequest or StatusCodes.Status404NotFound
        || error.Code == Features.Reviews.ReviewErrors.TokenUsed.Code;

    /// <summary>Counts <paramref name="result"/>'s error against the caller when it is a guess; returns the result.</summary>
    public static Result<T> Note<T>(HttpContext http, Result<T> result)
    {
        if (result.Error is { } error && IsGuess(error))
        {
            http.Items[Charged] = true;
        }
        return result;
    }

    /// <summary>Refuses a blocked address before the endpoint runs, and charges it afterwards for a noted guess or a 400.</summary>
    public async Task InvokeAsync(HttpContext http, Func<Task> next)
    {
        if (_failures is null || http.GetEndpoint()?.Metadata.GetMetadata<GuessLimitedAttribute>() is null)
        {
            await next();
            return;
        }
        var key = http.Connection.RemoteIpAddress?.ToString() ?? "";
        if (_failures.IsBlocked(key, out var retryAfter))
        {
            await RateLimits.RefuseAsync(http, retryAfter);
            return;
        }
        await next();
        if (http.Items.ContainsKey(Charged) || http.Response.StatusCode == StatusCodes.Status400BadRequest)
        {
            _failures.Charge(key);
        }
    }
}

public static class GuessLimitSetup
{
    public static TBuilder RequireGuessLimit<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new GuessLimitedAttribute());

    public static WebApplication UseGuessLimit(this WebApplication app)
    {
        var limit = app.Services.GetRequiredService<GuessLimit>();
        app.Use((http, next) => limit.InvokeAsync(http, () => next(http)));
        return app;
    }
}
