using Jishi.Web.Features.Accounts;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Points;

public static class PointsEndpoints
{
    public static IServiceCollection AddPoints(this IServiceCollection services) =>
        services.AddScoped<RuleSetLookup>().AddScoped<PointsLedger>().AddScoped<StatementQueries>().AddScoped<LeaderboardQueries>()
            .AddScoped<VerifyLedger>().AddScoped<PointsDemo>()
            .AddScoped<RuleSetQueries>().AddScoped<DraftRuleSet>().AddScoped<ReviseRuleSet>().AddScoped<AdoptRuleSet>()
            .AddPointsBoards().AddScoped<Exemptions>()
            .AddSingleton<AwardWriter>().AddSingleton<IAwardStore>(sp => sp.GetRequiredService<AwardWriter>())
            .AddHostedService(sp => sp.GetRequiredService<AwardWriter>()).AddMemoryCache().AddSingleton<CurrentSets>();

    public static IEndpointRouteBuilder MapPoints(this IEndpointRouteBuilder app)
    {
        // The rules are public knowledge within the street: any signed-in user reads them.
        app.MapGet("/api/points/rules", async ([AsParameters] RuleSetQueries.RulesRequest request, RuleSetQueries q, CancellationToken ct) =>
                (await q.RulesAsync(request, ct)).ToHttp(TypedResults.Ok))
            .WithTags("Points").RequireAuthorization();

        // Recording and approving is the work of the branch secretary and above, within their subtree.
        var points = app.MapGroup("/api/points").WithTags("Points").RequireAuthorization(Policies.OrgManager);
        points.MapPost("/entries", async (PointsLedger.AwardRequest request, PointsLedger ledger, CancellationToken ct) =>
                (await ledger.AwardAsync(request, ct)).ToHttp(o => o.Created
                    ? TypedResults.Created($"/api/points/entries/{o.Entry.Id}", o.Entry)
                    : (IResult)TypedResults.Ok(o.Entry)))
            .Produces<EntryCreated>(201).Produces<EntryCreated>().ProducesValidationProblem();
        points.MapGet("/entries", async ([AsParameters] StatementQueries.EntriesRequest request, StatementQueries q, CancellationToken ct) =>
                (await q.EntriesAsync(request, ct)).ToHttp(TypedResults.Ok));
        points.MapPost("/entries/{id:long}/approve", async (long id, PointsLedger ledger, CancellationToken ct) =>
                (await ledger.ApproveAsync(id, ct)).ToHttp(TypedResults.Ok));
        points.MapPost("/entries/{id:long}/reject", async (long id, PointsLedger.ReasonRequest request, PointsLedger ledger, CancellationToken ct) =>
                (await ledger.RejectAsync(id, request, ct)).ToHttp(TypedResults.Ok));
        points.MapPost("/entries/{id:long}/reverse", async (long id, PointsLedger.ReasonRequest request, PointsLedger ledger, CancellationToken ct) =>
                (await ledger.ReverseAsync(id, request, ct)).ToHttp(e => TypedResults.Created($"/api/points/entries/{e.Id}", e)));
        points.MapGet("/leaderboard", async ([AsParameters] LeaderboardQueries.LeaderboardRequest request, LeaderboardQueries q, CancellationToken ct) =>
                (await q.LeaderboardAsync(request, ct)).ToHttp(TypedResults.Ok));

        // Rules are the street's to change: drafts, what-if previews and adoption.
        var sets = app.MapGroup("/api/points/rulesets").WithTags("Points").RequireAuthorization(Policies.StreetAdmin);
        sets.MapGet("", async (int? year, RuleSetQueries q, CancellationToken ct) => TypedResults.Ok(await q.ListAsync(year, ct)));
        sets.MapPost("", async (DraftRuleSet.DraftRequest request, DraftRuleSet handler, CancellationToken ct) =>
                (await handler.DraftAsync(request, ct)).ToHttp(s => TypedResults.Created($"/api/points/rulesets/{s.Id}", s)));
        sets.MapPut("/{id:int}", async (int id, ReviseRuleSet.ReviseRequest request, ReviseRuleSet handler,
                CancellationToken ct) => (await handler.ReviseAsync(id, request, ct)).ToHttp(TypedResults.Ok));
        sets.MapPost("/{id:int}/adopt", async (int id, AdoptRuleSet handler, CancellationToken ct) =>
                (await handler.AdoptAsync(id, ct)).ToHttp(TypedResults.Ok));
        sets.MapGet("/{id:int}/preview", async (int id, int? year, RuleSetQueries q, CancellationToken ct) =>
                (await q.PreviewAsync(id, year, ct)).ToHttp(TypedResults.Ok));

        app.MapGet("/api/members/{id:int}/points", async (int id, int? year, StatementQueries q, CancellationToken ct) =>
                (await q.MemberAsync(id, year, ct)).ToHttp(TypedResults.Ok))
            .WithTags("Points").RequireAuthorization(Policies.OrgManager);
        app.MapPointsBoards();
        app.MapPointsExemptions();
        return app;
    }
}
