using Jishi.Web.Features.Accounts;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Members;

public static class MemberEndpoints
{
    public static IServiceCollection AddMembers(this IServiceCollection services) =>
        services.AddScoped<ListMembers>().AddScoped<SaveMember>().AddScoped<ListTiers>()
            .AddScoped<ImportMembers>().AddScoped<ExportMembers>().AddScoped<RevealMember>();

    public static IEndpointRouteBuilder MapMembers(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/api/members").WithTags("Members").RequireAuthorization(Policies.OrgManager);
        members.MapGet("", async ([AsParameters] ListMembers.Request request, ListMembers handler, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(TypedResults.Ok));
        members.MapGet("/{id:int}", async (int id, SaveMember handler, CancellationToken ct) =>
                (await handler.GetAsync(id, ct)).ToHttp(TypedResults.Ok));
        members.MapPost("/{id:int}/reveal", async (int id, RevealMember handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(TypedResults.Ok)).ProducesProblem(403);
        members.MapPost("", async (MemberInput input, SaveMember handler, CancellationToken ct) =>
                (await handler.CreateAsync(input, ct)).ToHttp(m => TypedResults.Created($"/api/members/{m.Id}", m)));
        members.MapPut("/{id:int}", async (int id, MemberInput input, SaveMember handler, CancellationToken ct) =>
                (await handler.UpdateAsync(id, input, ct)).ToHttp(TypedResults.Ok));
        members.MapPost("/{id:int}/transfer", async (int id, SaveMember.TransferRequest request, SaveMember handler, CancellationToken ct) =>
                (await handler.TransferAsync(id, request, ct)).ToHttp(TypedResults.Ok));
        members.MapGet("/{id:int}/transfers", async (int id, SaveMember handler, CancellationToken ct) =>
                (await handler.HistoryAsync(id, ct)).ToHttp(TypedResults.Ok));

        app.MapGet("/api/tiers", async (ListTiers handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithTags("Members").RequireAuthorization();
        app.MapMemberExcel();
        return app;
    }
}
