using Jishi.Web.Features.Accounts;
using Jishi.Web.Shared;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Members;

public static class MemberEndpoints
{
    public static IServiceCollection AddMembers(this IServiceCollection services) =>
        services.AddScoped<ListMembers>().AddScoped<SaveMember>().AddScoped<ListTiers>()
            .AddScoped<ImportMembers>().AddScoped<ExportMembers>().AddScoped<RevealMember>();

    public static IEndpointRouteBuilder MapMembers(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/api/members").WithTags("Members").RequireAuthorization(Policies.OrgManager);
        members.MapGet("", async ([AsParameters] ListMembers.Request request, ListMembers handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<Page<MemberListItem>>();
        members.MapGet("/{id:int}", async (int id, SaveMember handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.GetAsync(id, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<MemberDetail>();
        members.MapPost("/{id:int}/reveal", async (int id, RevealMember handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<MemberDetail>().ProducesProblem(403);
        members.MapPost("", async (MemberInput input, SaveMember handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.CreateAsync(input, ct)).ToHttp(text, m => TypedResults.Created($"/api/members/{m.Id}", m)))
            .Produces<MemberDetail>(201).ProducesValidationProblem();
        members.MapPut("/{id:int}", async (int id, MemberInput input, SaveMember handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.UpdateAsync(id, input, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<MemberDetail>().ProducesValidationProblem();
        members.MapPost("/{id:int}/transfer", async (int id, SaveMember.TransferRequest request, SaveMember handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.TransferAsync(id, request, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<MemberDetail>();
        members.MapGet("/{id:int}/transfers", async (int id, SaveMember handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.HistoryAsync(id, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<IReadOnlyList<TransferDto>>();

        app.MapGet("/api/tiers", async (ListTiers handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithTags("Members").RequireAuthorization();
        app.MapMemberExcel();
        return app;
    }
}
