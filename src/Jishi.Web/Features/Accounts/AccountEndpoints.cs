using Jishi.Web.Shared;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Accounts;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", async (IssueToken.Request request, IssueToken handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(text, TypedResults.Ok))
            .AllowAnonymous().WithTags("Platform").RequireRateLimiting(RateLimits.SignIn)
            .Produces<IssueToken.Response>().ProducesProblem(401).ProducesProblem(429);

        var accounts = app.MapGroup("/api/accounts").WithTags("Accounts").RequireAuthorization(Policies.Accounts);
        accounts.MapGet("", async (AccountAdmin handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)));
        accounts.MapPost("", async (AccountAdmin.CreateRequest request, AccountAdmin handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.CreateAsync(request, ct)).ToHttp(text, a => TypedResults.Created($"/api/accounts/{a.Id}", a)))
            .Produces<AccountDto>(201);
        accounts.MapPost("/{id:int}/reset-password", async (int id, ResetRequest request, AccountAdmin handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await handler.ResetPasswordAsync(id, request.Password, ct)).ToHttp(text, _ => TypedResults.NoContent()));

        // 一键开通账号 from the member list: whoever manages the member may give them an account of their own.
        app.MapPost("/api/members/{id:int}/account", async (int id, AccountAdmin handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.OpenForMemberAsync(id, ct)).ToHttp(text, o => TypedResults.Created($"/api/accounts/{o.Account.Id}", o)))
            .WithTags("Accounts").RequireAuthorization(Policies.OrgManager)
            .Produces<MemberAccountOpened>(201).ProducesProblem(404).ProducesProblem(409);
        return app;
    }

    public sealed record ResetRequest(string Password);
}
