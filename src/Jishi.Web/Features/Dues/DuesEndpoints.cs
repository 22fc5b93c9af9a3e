using Jishi.Web.Features.Accounts;
using Jishi.Web.Shared;
using Microsoft.Extensions.Options;

namespace Jishi.Web.Features.Dues;

public static class DuesEndpoints
{
    public static IServiceCollection AddDues(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<DuesOptions>(config.GetSection(DuesOptions.Section));
        return services.AddSingleton(sp => sp.GetRequiredService<IOptions<DuesOptions>>().Value.Standard())
            .AddScoped<SetDuesBase>().AddScoped<PayDues>().AddScoped<ReverseDuesPayment>()
            .AddScoped<DuesQueries>().AddScoped<DuesCollection>();
    }

    public static IEndpointRouteBuilder MapDues(this IEndpointRouteBuilder app)
    {
        // The branch's 党费收缴 is its secretary's (and above) work, within their subtree.
        var dues = app.MapGroup("/api/dues").WithTags("Dues").RequireAuthorization(Policies.OrgManager);
        dues.MapPut("/bases", async (SetDuesBase.BaseRequest request, SetDuesBase handler, CancellationToken ct) =>
            (await handler.SetAsync(request, ct)).ToHttp(TypedResults.Ok));
        dues.MapPost("/payments", async (PayDues.PaymentRequest request, PayDues handler, CancellationToken ct) =>
                (await handler.PayAsync(request, ct)).ToHttp(o => o.Created
                    ? TypedResults.Created($"/api/dues/payments/{o.Payment.Id}", o.Payment)
                    : (IResult)TypedResults.Ok(o.Payment)))
            .Produces<DuesPaymentDto>(201).Produces<DuesPaymentDto>();
        dues.MapPost("/payments/{id:long}/reverse", async (long id, ReverseDuesPayment.ReverseRequest request, ReverseDuesPayment handler,
                CancellationToken ct) => (await handler.ReverseAsync(id, request, ct))
                    .ToHttp(p => TypedResults.Created($"/api/dues/payments/{p.Id}", p)));

        dues.MapGet("/collection", async ([AsParameters] DuesCollection.CollectionRequest request, DuesCollection handler,
            CancellationToken ct) => (await handler.SheetAsync(request, ct)).ToHttp(TypedResults.Ok));

        app.MapGet("/api/members/{id:int}/dues", async (int id, int? year, DuesQueries q, CancellationToken ct) =>
                (await q.MemberAsync(id, year, ct)).ToHttp(TypedResults.Ok))
            .WithTags("Dues").RequireAuthorization(Policies.OrgManager);
        return app;
    }
}
