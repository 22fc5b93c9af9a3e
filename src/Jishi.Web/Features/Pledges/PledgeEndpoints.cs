using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Pledges;

public static class PledgeEndpoints
{
    public static IServiceCollection AddPledges(this IServiceCollection services) => services.AddScoped<PledgeBook>();

    public static IEndpointRouteBuilder MapPledges(this IEndpointRouteBuilder app)
    {
        // Members have no accounts yet: the branch secretary and above record, publish, close and rate, within their subtree.
        var pledges = app.MapGroup("/api/pledges").WithTags("Pledges").RequireAuthorization(Policies.OrgManager);
        pledges.MapPost("", async (PledgeBook.SaveRequest request, PledgeBook book, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await book.CreateAsync(request, ct)).ToHttp(text, p => TypedResults.Created($"/api/pledges/{p.Id}", p)))
            .Produces<PledgeDto>(201).ProducesValidationProblem();
        pledges.MapGet("", async ([AsParameters] PledgeBook.ListRequest request, PledgeBook book, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await book.ListAsync(request, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<IReadOnlyList<PledgeDto>>();
        pledges.MapGet("/{id:int}", async (int id, PledgeBook book, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await book.GetAsync(id, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<PledgeDto>();
        pledges.MapPut("/{id:int}", async (int id, PledgeBook.SaveRequest request, PledgeBook book, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await book.UpdateAsync(id, request, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<PledgeDto>().ProducesValidationProblem();
        pledges.MapPost("/{id:int}/publish", async (int id, PledgeBook book, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await book.PublishAsync(id, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<PledgeDto>();
        pledges.MapPost("/{id:int}/keep", async (int id, PledgeBook.KeepRequest request, PledgeBook book, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await book.KeepAsync(id, request, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<PledgeDto>().ProducesValidationProblem();
        pledges.MapPost("/{id:int}/not-kept", async (int id, PointsLedger.ReasonRequest request, PledgeBook book, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await book.NotKeptAsync(id, request, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<PledgeDto>().ProducesValidationProblem();
        pledges.MapPost("/{id:int}/rate", async (int id, PledgeBook.RateRequest request, PledgeBook book, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await book.RateAsync(id, request, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<PledgeDto>().ProducesValidationProblem();
        return app;
    }
}
