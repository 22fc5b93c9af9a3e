using Jishi.Web.Features.Accounts;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.MemberEvaluation;

public static class EvaluationEndpoints
{
    public static IServiceCollection AddMemberEvaluation(this IServiceCollection services)
    {
        services.AddScoped<EvaluationRoundQueries>().AddScoped<CreateEvaluationRound>().AddScoped<AdvanceEvaluationRound>()
            .AddScoped<IssueEvaluationTokens>().AddScoped<WriteSelfAssessment>().AddScoped<AddEvaluationComment>()
            .AddScoped<RecordFollowUp>();
        services.AddScoped<EvaluationBallots>().AddScoped<EvaluationSummary>();
        services.AddSingleton<EvaluationBallotWriter>().AddHostedService(sp => sp.GetRequiredService<EvaluationBallotWriter>());
        return services;
    }

    public static IEndpointRouteBuilder MapMemberEvaluation(this IEndpointRouteBuilder app)
    {
        // The voter has a token, not an account: the token is the whole authorization, and it carries no identity.
        var open = app.MapGroup("/api/member-evaluations/ballots").WithTags("MemberEvaluation").AllowAnonymous().RequireGuessLimit();
        open.MapGet("/{token}", async (string token, EvaluationBallots ballots, HttpContext http, CancellationToken ct) =>
                GuessLimit.Note(http, await ballots.GetFormAsync(token, ct)).ToHttp(TypedResults.Ok)).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        open.MapPost("/{token}", async (string token, EvaluationBallots.Request request, EvaluationBallots ballots, HttpContext http, CancellationToken ct) =>
                GuessLimit.Note(http, await ballots.CastAsync(token, request, ct)).ToHttp(_ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        var staff = app.MapGroup("/api/member-evaluations").WithTags("MemberEvaluation").RequireAuthorization(Policies.OrgManager);
        staff.MapGet("", async (int? year, EvaluationRoundQueries q, CancellationToken ct) => TypedResults.Ok(await q.ListAsync(year, ct)));
        staff.MapGet("/summary", async (int? year, EvaluationSummary summary, CancellationToken ct) => TypedResults.Ok(await summary.CountsAsync(year, ct)));
        staff.MapPost("", async (CreateEvaluationRound.CreateRequest request, CreateEvaluationRound handler, CancellationToken ct) =>
                (await handler.CreateAsync(request, ct)).ToHttp(r => TypedResults.Created($"/api/member-evaluations/{r.Id}", r)));
        staff.MapGet("/{id:int}", async (int id, EvaluationRoundQueries q, CancellationToken ct) =>
                (await q.GetAsync(id, ct)).ToHttp(TypedResults.Ok)).ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapGet("/{id:int}/turnout", async (int id, EvaluationRoundQueries q,
                CancellationToken ct) => (await q.TurnoutAsync(id, ct)).ToHttp(TypedResults.Ok)).ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapPost("/{id:int}/advance", async (int id, AdvanceEvaluationRound handler,
                CancellationToken ct) => (await handler.AdvanceAsync(id, ct)).ToHttp(TypedResults.Ok)).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/{id:int}/revote", async (int id, AdvanceEvaluationRound handler,
                CancellationToken ct) => (await handler.RevoteAsync(id, ct)).ToHttp(TypedResults.Ok));
        staff.MapPut("/{id:int}/self-assessments/{participantId:int}", async (int id, int participantId,
                WriteSelfAssessment.TextRequest request, WriteSelfAssessment handler,
                CancellationToken ct) =>
                (await handler.SelfAssessAsync(id, participantId, request, ct)).ToHttp(TypedResults.Ok));
        staff.MapPost("/{id:int}/comments", async (int id, AddEvaluationComment.CommentRequest request, AddEvaluationComment handler, CancellationToken ct) =>
                (await handler.CommentAsync(id, request, ct)).ToHttp(TypedResults.Ok));
        staff.MapPost("/{id:int}/tokens", async (int id, IssueEvaluationTokens.TokensRequest request, IssueEvaluationTokens handler, CancellationToken ct) =>
                (await handler.IssueTokensAsync(id, request, ct)).ToHttp(TypedResults.Ok));
        staff.MapPost("/{id:int}/decision", async (int id, AdvanceEvaluationRound.DecisionRequest request, AdvanceEvaluationRound handler, CancellationToken ct) =>
                (await handler.DecideAsync(id, request, ct)).ToHttp(TypedResults.Ok)).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPut("/{id:int}/follow-ups/{participantId:int}", async (int id, int participantId, RecordFollowUp.FollowUpRequest request,
                RecordFollowUp handler, CancellationToken ct) =>
                (await handler.FollowUpAsync(id, participantId, request, ct)).ToHttp(TypedResults.Ok));

        // A member's own self-assessment: the round and the member come from the account, never from the request.
        var mine = app.MapGroup("/api/my/member-evaluation").WithTags("MemberEvaluation").RequireAuthorization();
        mine.MapGet("", async (WriteSelfAssessment handler, CancellationToken ct) =>
                await handler.MineAsync(ct) is { } found ? Results.Ok(found) : EvaluationErrors.NotFound.ToProblem())
            .Produces<MySelfAssessment>().ProducesProblem(StatusCodes.Status404NotFound);
        mine.MapPut("/self-assessment", async (WriteSelfAssessment.TextRequest request, WriteSelfAssessment handler, CancellationToken ct) =>
                (await handler.WriteMineAsync(request, ct)).ToHttp(TypedResults.Ok));
        return app;
    }
}
