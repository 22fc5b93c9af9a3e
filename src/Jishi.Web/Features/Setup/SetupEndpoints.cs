using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Setup;

public static class SetupEndpoints
{
    public static IServiceCollection AddSetup(this IServiceCollection services) =>
        services.AddScoped<SetupStatus>().AddScoped<ChangeSetup>().AddScoped<UseDefaultRuleSets>();

    /// <summary>The set-up guide of the caller's street: the street admin's, as the street's rules and accounts are.</summary>
    public static IEndpointRouteBuilder MapSetup(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/setup").WithTags("Setup").RequireAuthorization(Policies.StreetAdmin);
        api.MapGet("", async (SetupStatus handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.HandleAsync(ct)).ToHttp(text, TypedResults.Ok))
            .Produces<SetupStatusDto>();
        api.MapPost("/street", async (NameStreet.Request request, NameStreet handler, SetupStatus status, IStringLocalizer<SharedResource> text,
                CancellationToken ct) => (await handler.HandleAsync(request, ct)).Error is { } error
                    ? error.ToProblem(text)
                    : (await status.HandleAsync(ct)).ToHttp(text, TypedResults.Ok))
            .Produces<SetupStatusDto>().ProducesValidationProblem();
        api.MapPost("/steps/{step}/skip", async (SetupStep step, ChangeSetup handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.SkipAsync(step, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<SetupStatusDto>();
        api.MapPost("/steps/{step}/resume", async (SetupStep step, ChangeSetup handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.ResumeAsync(step, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<SetupStatusDto>();
        api.MapPost("/tiers/confirm", async (ChangeSetup handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.ConfirmTiersAsync(ct)).ToHttp(text, TypedResults.Ok))
            .Produces<SetupStatusDto>();
        api.MapPost("/rule-sets/defaults", async (UseDefaultRuleSets handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.HandleAsync(ct)).ToHttp(text, TypedResults.Ok))
            .Produces<SetupStatusDto>();
        api.MapPost("/dismiss", async (ChangeSetup handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.DismissAsync(ct)).ToHttp(text, TypedResults.Ok))
            .Produces<SetupStatusDto>();
        return app;
    }
}
