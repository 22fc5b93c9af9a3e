using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Shared;

/// <summary>An endpoint's answer to a <see cref="Result{T}"/>: <typeparamref name="TOk"/> for a success, the localized
/// problem for an error. It carries the OpenAPI metadata of both (the success type's, such as <c>Ok&lt;T&gt;</c> or
/// <c>Created&lt;T&gt;</c>, and the validation problem), so an endpoint needs neither a localizer nor a hand-written
/// <c>.Produces</c>.</summary>
public sealed class HttpAnswer<TOk> : IResult, INestedHttpResult, IEndpointMetadataProvider where TOk : IResult
{
    private readonly IResult answer;

    internal HttpAnswer(TOk ok) => answer = ok;

    internal HttpAnswer(Error error) => answer = new LocalizedProblem(error);

    public IResult Result => answer;

    public Task ExecuteAsync(HttpContext httpContext) => answer.ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        if (typeof(IEndpointMetadataProvider).IsAssignableFrom(typeof(TOk)))
        {
            PopulateOk.MakeGenericMethod(typeof(TOk)).Invoke(null, [method, builder]);
        }
        LocalizedProblem.PopulateMetadata(method, builder);
    }

    private static readonly MethodInfo PopulateOk =
        typeof(HttpAnswer<TOk>).GetMethod(nameof(Populate), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static void Populate<T>(MethodInfo method, EndpointBuilder builder) where T : IEndpointMetadataProvider =>
        T.PopulateMetadata(method, builder);
}

/// <summary>An <see cref="Error"/> as RFC 7807 ProblemDetails in the request's language: the localizer is the request's
/// own, found when the answer is written.</summary>
public sealed class LocalizedProblem(Error error) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public Error Error => error;

    public int? StatusCode => error.Status;

    public Task ExecuteAsync(HttpContext httpContext) =>
        error.ToProblem(httpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>()).ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails),
            ["application/problem+json"]));
}
