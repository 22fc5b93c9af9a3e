using System.Security.Claims;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Accounts;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", async (IssueToken.Request request, IssueToken handler, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(TypedResults.Ok))
            .AllowAnonymous().WithTags("Platform").RequireRateLimiting(RateLimits.SignIn).ProducesProblem(401).ProducesProblem(429);
        app.MapPost(PasswordChangeGate.PasswordPath, async (ChangeOwnPassword.Request request, ClaimsPrincipal principal, ChangeOwnPassword handler) => (await handler.HandleAsync(principal, request)).ToHttp(_ => TypedResults.NoContent()))
            .RequireAuthorization().WithTags("Platform")
            .WithSummary("Changes the caller's own password (currentPassword, newPassword): 204; a generated or reset password must be "
                + "changed before the account's bearer tokens open any other /api route; then ask /api/auth/token for a new token.")
            .Produces(204).ProducesValidationProblem();

        var accounts = app.MapGroup("/api/accounts").WithTags("Accounts").RequireAuthorization(Policies.Accounts);
        accounts.MapGet("", async (AccountAdmin handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)));
        accounts.MapPost("", async (AccountAdmin.CreateRequest request, AccountAdmin handler, CancellationToken ct) =>
                (await handler.CreateAsync(request, ct)).ToHttp(a => TypedResults.Created($"/api/accounts/{a.Id}", a)));
        accounts.MapPost("/{id:int}/reset-password", async (int id, ResetRequest request, AccountAdmin handler, CancellationToken ct) =>
            (await handler.ResetPasswordAsync(id, request.Password, ct)).ToHttp(_ => TypedResults.NoContent()));

        // 批量开通账号: the street's and a community's administrators, for their subtree.
        app.MapPost("/api/accounts/bulk", async (OpenAccountsInBulk.Request request, OpenAccountsInBulk handler,
                CancellationToken ct) => (await handler.HandleAsync(request, ct)).ToHttp(opened => opened.Accounts.Count == 0 ? (IResult)TypedResults.Ok(opened) : TypedResults.Created("/api/accounts", opened)))
            .WithTags("Accounts").RequireAuthorization(Policies.BulkAccounts)
            .WithSummary("Opens accounts in bulk in the unit's subtree (unitId, role). role \"Member\": a Member account for every active "
                + "member without one. role \"Secretaries\": for the secretary (党组织书记 matched in the roster) of every community and "
                + "branch, a CommunitySecretary or BranchSecretary account in that organization, unless one of it holds that role. User "
                + "name: the mobile number when free, else dy+member id (sj+unit id for a secretary), never the ID number; a one-time "
                + "password shown only in this answer, to be changed at the first sign-in. 201 with the accounts opened; 200 with an "
                + "empty list when there is nothing left to open (calling again is safe).")
            .Produces<OpenAccountsInBulk.Response>(201).Produces<OpenAccountsInBulk.Response>(200).ProducesProblem(400).ProducesProblem(404)
            .ProducesProblem(409);

        // 一键开通账号 from the member list: whoever manages the member may give them an account of their own.
        app.MapPost("/api/members/{id:int}/account", async (int id, AccountAdmin handler, CancellationToken ct) =>
                (await handler.OpenForMemberAsync(id, ct)).ToHttp(o => TypedResults.Created($"/api/accounts/{o.Account.Id}", o)))
            .WithTags("Accounts").RequireAuthorization(Policies.OrgManager).ProducesProblem(404).ProducesProblem(409);
        return app;
    }

    public sealed record ResetRequest(string Password);
}
