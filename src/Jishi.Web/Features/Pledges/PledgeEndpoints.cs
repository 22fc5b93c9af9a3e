using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Pledges;

public static class PledgeEndpoints
{
    public static IServiceCollection AddPledges(this IServiceCollection services) => services.AddScoped<PledgeQueries>()
        .AddScoped<RecordPledge>().AddScoped<PublishPledge>().AddScoped<ClosePledge>().AddScoped<RatePledge>();

    public static IEndpointRouteBuilder MapPledges(this IEndpointRouteBuilder app)
    {
        // Members have no accounts yet: the branch secretary and above record, publish, close and rate, within their subtree.
        var pledges = app.MapGroup("/api/pledges").WithTags("Pledges").RequireAuthorization(Policies.OrgManager);
        pledges.MapPost("", async (RecordPledge.SaveRequest request, RecordPledge handler, IStringLocalizer<SharedResource> text,
                CancellationToken ct) => (await handler.CreateAsync(request, ct)).ToHttp(text, p => TypedResults.Created($"/api/pledges/{p.Id}", p)))
            .Produces<PledgeDto>(201).ProducesValidationProblem();
        pledges.MapGet("", async ([AsParameters] PledgeQueries.ListRequest request, PledgeQueries handler, IStringLocalizer<SharedResource> text,
                CancellationToken ct) => (await handler.ListAsync(request, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<IReadOnlyList<PledgeDto>>();
        pledges.MapGet("/{id:int}", async (int id, PledgeQueries handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.GetAsync(id, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<PledgeDto>();
        pledges.MapPut("/{id:int}", async (int id, RecordPledge.SaveRequest request, RecordPledge handler, IStringLocalizer<SharedResource> text,
                CancellationToken ct) => (await handler.UpdateAsync(id, request, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<PledgeDto>().ProducesValidationProblem();
        pledges.MapPost("/{id:int}/publish", async (int id, PublishPledge handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.PublishAsync(id, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<PledgeDto>();
        pledges.MapPost("/{id:int}/keep", async (int id, ClosePledge.KeepRequest request, ClosePledge handler, IStringLocalizer<SharedResource> text,
                CancellationToken ct) => (await handler.KeepAsync(id, request, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<PledgeDto>().ProducesValidationProblem();
        pledges.MapPost("/{id:int}/not-kept", async (int id, PointsLedger.ReasonRequest request, ClosePledge handler,
                IStringLocalizer<SharedResource> text, CancellationToken ct) => (await handler.NotKeptAsync(id, request, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<PledgeDto>().ProducesValidationProblem();
        pledges.MapPost("/{id:int}/rate", async (int id, RatePledge.RateRequest request, RatePledge handler, IStringLocalizer<SharedResource> text,
                CancellationToken ct) => (await handler.RateAsync(id, request, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<PledgeDto>().ProducesValidationProblem();
        return app;
    }
}
