using Jishi.Web.Features.Accounts;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Files;
using Microsoft.AspNetCore.Mvc;

namespace Jishi.Web.Features.Grading;

public static class GradingEndpoints
{
    public static IServiceCollection AddGrading(this IServiceCollection services) => services
        .AddScoped<GradingResults>().AddScoped<IndicatorLibraries>().AddScoped<GradingPosting>().AddScoped<AutoScores>()
        .AddScoped<GradingRoundQueries>().AddScoped<CreateGradingRound>().AddScoped<MoveGradingRound>().AddScoped<SetEvaluationScores>()
        .AddScoped<AnswerGradingObjection>()
        .AddScoped<BranchSheetStore>().AddScoped<BranchSheetQueries>().AddScoped<FillBranchSheet>().AddScoped<SubmitBranchSheet>()
        .AddScoped<ReviewBranchSheet>().AddScoped<ReopenBranchSheet>();

    public static IEndpointRouteBuilder MapGrading(this IEndpointRouteBuilder app)
    {
        // The 公示 is public: branches and grades, nobody's personal data; anyone may object with a name and a phone.
        var open = app.MapGroup("/api/grading/posting").WithTags("Grading").AllowAnonymous().RequireRateLimiting(RateLimits.Public);
        open.MapGet("/{roundId:int}", async (int roundId, GradingPosting posting, CancellationToken ct) =>
                await posting.GetAsync(roundId, ct) is { } found ? Results.Ok(found) : Error.NotFound("Entity.GradingRound").ToProblem())
            .Produces<PostingDto>().ProducesProblem(StatusCodes.Status404NotFound);
        open.MapPost("/{roundId:int}/objections", async (int roundId, GradingPosting.ObjectionRequest request, GradingPosting posting, CancellationToken ct) =>
                (await posting.ObjectAsync(roundId, request, ct)).ToHttp(id => TypedResults.Created($"/api/grading/objections/{id}", new { id })))
            .Produces(StatusCodes.Status201Created);

        // The indicator library, the rounds and the answers to objections are the street's.
        var street = app.MapGroup("/api/grading").WithTags("Grading").RequireAuthorization(Policies.StreetAdmin);
        street.MapGet("/libraries", async (IndicatorLibraries libraries, CancellationToken ct) => TypedResults.Ok(await libraries.ListAsync(ct)));
        street.MapPost("/libraries", async (IndicatorLibraries.CreateRequest request, IndicatorLibraries libraries,
                CancellationToken ct) => (await libraries.CreateAsync(request, ct)).ToHttp(l => TypedResults.Created($"/api/grading/libraries/{l.Id}", l)));
        street.MapGet("/libraries/{libraryId:int}", async (int libraryId, IndicatorLibraries libraries,
                CancellationToken ct) => (await libraries.GetAsync(libraryId, ct)).ToHttp(TypedResults.Ok));
        street.MapPut("/libraries/{libraryId:int}/indicators", async (int libraryId, IReadOnlyList<IndicatorLibraries.IndicatorInput> indicators,
                IndicatorLibraries libraries, CancellationToken ct) =>
                (await libraries.ReplaceAsync(libraryId, indicators, ct)).ToHttp(TypedResults.Ok));
        street.MapPost("/libraries/{libraryId:int}/adopt", async (int libraryId, IndicatorLibraries libraries,
                CancellationToken ct) => (await libraries.AdoptAsync(libraryId, ct)).ToHttp(TypedResults.Ok));

        street.MapPost("/rounds", async (CreateGradingRound.CreateRequest request, CreateGradingRound rounds,
                CancellationToken ct) => (await rounds.CreateAsync(request, ct)).ToHttp(r => TypedResults.Created($"/api/grading/rounds/{r.Id}", r)));
        street.MapGet("/rounds/{roundId:int}", async (int roundId, GradingRoundQueries rounds, CancellationToken ct) =>
                (await rounds.GetAsync(roundId, ct)).ToHttp(TypedResults.Ok));
        foreach (var (step, to) in new[] { ("open", RoundStatus.SelfEvaluation), ("review", RoundStatus.CommunityReview),
                     ("decide", RoundStatus.StreetDecision), ("post", RoundStatus.Posted), ("finalize", RoundStatus.Final) })
        {
            street.MapPost($"/rounds/{{roundId:int}}/{step}", async (int roundId, MoveGradingRound rounds,
                    CancellationToken ct) => (await rounds.MoveAsync(roundId, to, ct)).ToHttp(TypedResults.Ok)).ProducesProblem(StatusCodes.Status409Conflict);
        }
        street.MapPut("/rounds/{roundId:int}/evaluations", async (int roundId, IReadOnlyList<SetEvaluationScores.EvaluationInput> scores, SetEvaluationScores rounds, CancellationToken ct) => (await rounds.SetEvaluationsAsync(roundId, scores, ct)).ToHttp(TypedResults.Ok));
        street.MapGet("/rounds/{roundId:int}/objections", async (int roundId, GradingRoundQueries rounds,
                CancellationToken ct) => (await rounds.ObjectionsAsync(roundId, ct)).ToHttp(TypedResults.Ok));
        street.MapPost("/objections/{gradingObjectionId:int}/answer", async (int gradingObjectionId, AnswerGradingObjection.AnswerRequest request,
                AnswerGradingObjection rounds, CancellationToken ct) =>
                (await rounds.AnswerAsync(gradingObjectionId, request, ct)).ToHttp(TypedResults.Ok));
        street.MapPost("/branches/{gradingId:int}/decide", async (int gradingId, ReviewBranchSheet.DecideRequest request, ReviewBranchSheet sheets, CancellationToken ct) => (await sheets.DecideAsync(gradingId, request, ct)).ToHttp(TypedResults.Ok));
        street.MapPost("/branches/{gradingId:int}/reopen", async (int gradingId, ReopenBranchSheet.ReopenRequest request, ReopenBranchSheet sheets, CancellationToken ct) => (await sheets.ReopenAsync(gradingId, request, ct)).ToHttp(TypedResults.Ok));

        // A branch's sheet: its secretary, its community and the street, each within their subtree (other ids answer 404).
        var staff = app.MapGroup("/api/grading").WithTags("Grading").RequireAuthorization(Policies.OrgManager);
        staff.MapGet("/rounds", async (GradingRoundQueries rounds, CancellationToken ct) => TypedResults.Ok(await rounds.ListAsync(ct)));
        staff.MapGet("/branches", async (BranchSheetQueries sheets, CancellationToken ct) => TypedResults.Ok(await sheets.MineAsync(ct)));
        staff.MapGet("/branches/{gradingId:int}", async (int gradingId, BranchSheetQueries sheets, CancellationToken ct) =>
                (await sheets.GetAsync(gradingId, ct)).ToHttp(TypedResults.Ok));
        staff.MapPut("/branches/{gradingId:int}/self", async (int gradingId, FillBranchSheet.ScoresRequest request, FillBranchSheet sheets, CancellationToken ct) => (await sheets.SelfEvaluateAsync(gradingId, request, ct)).ToHttp(TypedResults.Ok));
        staff.MapPost("/branches/{gradingId:int}/evidence", (int gradingId, [FromForm] int indicatorId, IFormFile file, FillBranchSheet sheets, CancellationToken ct) =>
                file.ReceiveAsync(upload => sheets.AddEvidenceAsync(gradingId, indicatorId, upload, ct), TypedResults.Ok))
            .AcceptsUpload()
            .Produces<BranchSheet>().ProducesValidationProblem();
        staff.MapGet("/branches/{gradingId:int}/evidence/{evidenceId:int}", async (int gradingId, int evidenceId, BranchSheetQueries sheets, CancellationToken ct) =>
                (await sheets.EvidenceAsync(gradingId, evidenceId, ct)).ToHttp(f => f.ToHttp()))
            .Produces(StatusCodes.Status200OK);
        staff.MapPost("/branches/{gradingId:int}/submit", async (int gradingId, SubmitBranchSheet sheets,
                CancellationToken ct) => (await sheets.SubmitAsync(gradingId, ct)).ToHttp(TypedResults.Ok));
        staff.MapPost("/branches/{gradingId:int}/review", async (int gradingId, ReviewBranchSheet.ReviewRequest request, ReviewBranchSheet sheets, CancellationToken ct) => (await sheets.ReviewAsync(gradingId, request, ct)).ToHttp(TypedResults.Ok));
        staff.MapGet("/branches/{gradingId:int}/benchmark", async (int gradingId, BranchSheetQueries sheets,
                CancellationToken ct) => (await sheets.BenchmarkAsync(gradingId, ct)).ToHttp(TypedResults.Ok));
        return app;
    }
}
