using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Pledges;

public static class PledgeEndpoints
{
    public static IServiceCollection AddPledges(this IServiceCollection services) => services.AddScoped<PledgeQueries>()
        .AddScoped<RecordPledge>().AddScoped<PublishPledge>().AddScoped<ClosePledge>().AddScoped<RatePledge>();

    public static IEndpointRouteBuilder MapPledges(this IEndpointRouteBuilder app)
    {
        // Members have no accounts yet: the branch secretary and above record, publish, close and rate, within their subtree.
        var pledges = app.MapGroup("/api/pledges").WithTags("Pledges").RequireAuthorization(Policies.OrgManager);
        pledges.MapPost("", async (RecordPledge.SaveRequest request, RecordPledge handler,
                CancellationToken ct) => (await handler.CreateAsync(request, ct)).ToHttp(p => TypedResults.Created($"/api/pledges/{p.Id}", p)));
        pledges.MapGet("", async ([AsParameters] PledgeQueries.ListRequest request, PledgeQueries handler,
                CancellationToken ct) => (await handler.ListAsync(request, ct)).ToHttp(TypedResults.Ok));
        pledges.MapGet("/{id:int}", async (int id, PledgeQueries handler, CancellationToken ct) =>
                (await handler.GetAsync(id, ct)).ToHttp(TypedResults.Ok));
        pledges.MapPut("/{id:int}", async (int id, RecordPledge.SaveRequest request, RecordPledge handler,
                CancellationToken ct) => (await handler.UpdateAsync(id, request, ct)).ToHttp(TypedResults.Ok));
        pledges.MapPost("/{id:int}/publish", async (int id, PublishPledge handler, CancellationToken ct) =>
                (await handler.PublishAsync(id, ct)).ToHttp(TypedResults.Ok));
        pledges.MapPost("/{id:int}/keep", async (int id, ClosePledge.KeepRequest request, ClosePledge handler,
                CancellationToken ct) => (await handler.KeepAsync(id, request, ct)).ToHttp(TypedResults.Ok));
        pledges.MapPost("/{id:int}/not-kept", async (int id, PointsLedger.ReasonRequest request, ClosePledge handler, CancellationToken ct) => (await handler.NotKeptAsync(id, request, ct)).ToHttp(TypedResults.Ok));
        pledges.MapPost("/{id:int}/rate", async (int id, RatePledge.RateRequest request, RatePledge handler,
                CancellationToken ct) => (await handler.RateAsync(id, request, ct)).ToHttp(TypedResults.Ok));
        return app;
    }
}
