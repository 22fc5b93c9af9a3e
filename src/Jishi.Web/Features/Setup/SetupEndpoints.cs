using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Setup;

public static class SetupEndpoints
{
    public static IServiceCollection AddSetup(this IServiceCollection services) =>
        services.AddScoped<SetupStatus>().AddScoped<ChangeSetup>().AddScoped<UseDefaultRuleSets>();

    /// <summary>The set-up guide of the caller's street: the street admin's, as the street's rules and accounts are.</summary>
    public static IEndpointRouteBuilder MapSetup(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/setup").WithTags("Setup").RequireAuthorization(Policies.StreetAdmin);
        api.MapGet("", async (SetupStatus handler, CancellationToken ct) =>
                (await handler.HandleAsync(ct)).ToHttp(TypedResults.Ok));
        api.MapPost("/street", async (NameStreet.Request request, NameStreet handler, SetupStatus status,
                CancellationToken ct) => (await handler.HandleAsync(request, ct)).Error is { } error
                    ? (IResult)error.ToProblem()
                    : (await status.HandleAsync(ct)).ToHttp(TypedResults.Ok));
        api.MapPost("/steps/{step}/skip", async (SetupStep step, ChangeSetup handler, CancellationToken ct) =>
                (await handler.SkipAsync(step, ct)).ToHttp(TypedResults.Ok));
        api.MapPost("/steps/{step}/resume", async (SetupStep step, ChangeSetup handler, CancellationToken ct) =>
                (await handler.ResumeAsync(step, ct)).ToHttp(TypedResults.Ok));
        api.MapPost("/tiers/confirm", async (ChangeSetup handler, CancellationToken ct) =>
                (await handler.ConfirmTiersAsync(ct)).ToHttp(TypedResults.Ok));
        api.MapPost("/rule-sets/defaults", async (UseDefaultRuleSets handler, CancellationToken ct) =>
                (await handler.HandleAsync(ct)).ToHttp(TypedResults.Ok));
        api.MapPost("/dismiss", async (ChangeSetup handler, CancellationToken ct) =>
                (await handler.DismissAsync(ct)).ToHttp(TypedResults.Ok));
        return app;
    }
}
