using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Reviews.HallCheck;
using Jishi.Web.Shared.Excel;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Reviews;

public static class ReviewEndpoints
{
    public static IServiceCollection AddReviews(this IServiceCollection services) =>
        services.AddMemoryCache().AddScoped<ReviewQueries>().AddScoped<CreateReview>().AddScoped<ChangeReview>().AddScoped<AssessSubject>().AddScoped<CloseReview>().AddScoped<AddTrustee>().AddScoped<VerifyCampaign>().AddScoped<IssueTokens>()
            .AddScoped<CastBallot>().AddScoped<EnterPaperBallot>().AddScoped<TallyResults>()
            .AddScoped<ExportResults>().AddScoped<DailyScoreWorkbook>().AddScoped<Rectifications>().AddSingleton<BallotLinks>().AddSingleton<BallotCookies>().AddSingleton<HallCheck.HallChecks>().AddScoped<CheckReceipt>()
            .AddScoped<WorkReportQueries>().AddScoped<WriteWorkReport>().AddScoped<CreateProblemTask>().AddScoped<EvidenceFiles>()
            .AddSingleton<BallotWriter>().AddHostedService(sp => sp.GetRequiredService<BallotWriter>());

    public static IEndpointRouteBuilder MapReviews(this IEndpointRouteBuilder app)
    {
        var reviews = app.MapGroup("/api/reviews").WithTags("Reviews").RequireAuthorization(Policies.StreetAdmin);
        reviews.MapGet("", async (ReviewQueries q, CancellationToken ct) => TypedResults.Ok(await q.ListAsync(ct)));
        reviews.MapPost("", async (CreateReview.Request request, CreateReview handler, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(r => TypedResults.Created($"/api/reviews/{r.Id}", r)));
        reviews.MapPost("/{id:int}/copy", async (int id, CreateReview.CopyRequest request, CreateReview handler, CancellationToken ct) =>
                (await handler.CopyAsync(id, request, ct)).ToHttp(r => TypedResults.Created($"/api/reviews/{r.Id}", r)));
        reviews.MapGet("/{id:int}", async (int id, ReviewQueries q, CancellationToken ct) =>
                (await q.GetAsync(id, ct)).ToHttp(TypedResults.Ok));
        reviews.MapPut("/{id:int}", async (int id, ChangeReview.EditRequest request, ChangeReview handler,
                CancellationToken ct) => (await handler.EditAsync(id, request, ct)).ToHttp(TypedResults.Ok)).ProducesProblem(StatusCodes.Status409Conflict);
        reviews.MapPut("/{id:int}/dimensions", async (int id, ChangeReview.DimensionsRequest request, ChangeReview handler, CancellationToken ct) =>
                (await handler.SetDimensionsAsync(id, request, ct)).ToHttp(TypedResults.Ok));
        reviews.MapPut("/{id:int}/subjects/{subjectId:int}/daily-score", async (int id, int subjectId, AssessSubject.DailyScoreRequest request,
                AssessSubject handler, CancellationToken ct) =>
                (await handler.SetDailyScoreAsync(id, subjectId, request, ct)).ToHttp(TypedResults.Ok));
        reviews.MapPut("/{id:int}/subjects/{subjectId:int}/comment", async (int id, int subjectId, AssessSubject.CommentRequest request,
                AssessSubject handler, CancellationToken ct) =>
                (await handler.SetCommentAsync(id, subjectId, request, ct)).ToHttp(TypedResults.Ok));
        reviews.MapPut("/{id:int}/subjects/{subjectId:int}/veto", async (int id, int subjectId, AssessSubject.VetoRequest request,
                AssessSubject handler, CancellationToken ct) =>
                (await handler.SetVetoAsync(id, subjectId, request, ct)).ToHttp(TypedResults.Ok));
        reviews.MapGet("/{id:int}/daily-scores/template", async (int id, DailyScoreWorkbook handler, CancellationToken ct) =>
                (await handler.TemplateAsync(id, ct)).ToHttp(f => f.ToHttp()))
            .Produces(200, contentType: ExcelFile.ContentType);
        // The upload is read and refused as the member import's (same limits, same { errors: [{ row, column, message }] }).
        reviews.MapPost("/{id:int}/daily-scores/import", (int id, HttpRequest request, DailyScoreWorkbook handler, CancellationToken ct) =>
                ExcelUploadEndpoints.ImportAsync(request, file => handler.ImportAsync(id, file, ct), TypedResults.Ok, ct))
            .AcceptsWorkbook()
            .Produces<DailyScoresImported>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        reviews.MapPost("/{id:int}/open", async (int id, ChangeReview handler, CancellationToken ct) =>
            (await handler.OpenAsync(id, ct)).ToHttp(TypedResults.Ok));
        // The body is optional: a campaign whose key the server holds closes without one; with trustees it carries their shares.
        reviews.MapPost("/{id:int}/close", async (int id, CloseReview.Request? request, CloseReview handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, request, ct)).ToHttp(TypedResults.Ok));
        reviews.MapPost("/{id:int}/trustees", async (int id, AddTrustee.Request request, AddTrustee handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(r => TypedResults.Created($"/api/reviews/{id}", r)));
        reviews.MapDelete("/{id:int}/trustees/{trusteeId:int}", async (int id, int trusteeId, AddTrustee handler, CancellationToken ct) =>
                (await handler.RemoveAsync(id, trusteeId, ct)).ToHttp(_ => TypedResults.NoContent()))
            .Produces(204);
        reviews.MapPost("/{id:int}/publish", async (int id, ChangeReview handler, CancellationToken ct) =>
            (await handler.PublishAsync(id, ct)).ToHttp(TypedResults.Ok));
        reviews.MapPost("/{id:int}/tokens", async (int id, IssueTokens.Request request, IssueTokens handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(r => TypedResults.Created($"/api/reviews/{id}/turnout", r)));
        reviews.MapGet("/{id:int}/turnout", async (int id, TallyResults handler, CancellationToken ct) =>
            (await handler.TurnoutAsync(id, ct)).ToHttp(TypedResults.Ok));
        reviews.MapGet("/{id:int}/results.xlsx", async (int id, ExportResults handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(bytes => TypedResults.File(bytes,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"review-{id}-results.xlsx")))
            .Produces(200, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        reviews.MapGet("/{id:int}/turnout/stream", async (int id, ReviewQueries q, TallyResults handler, CancellationToken ct) =>
                await q.FindAsync(id, ct) is { } campaign
                    ? (IResult)TypedResults.ServerSentEvents(handler.WatchAsync(campaign, ct), "turnout")
                    : Error.NotFound("Entity.Review").ToProblem())
            .ExcludeFromDescription();
        reviews.MapGet("/{id:int}/results", async (int id, TallyResults handler, CancellationToken ct) =>
            (await handler.ResultsAsync(id, ct)).ToHttp(TypedResults.Ok));

        reviews.MapPost("/{id:int}/rectifications", async (int id, Rectifications.CreateRequest request, Rectifications handler, CancellationToken ct) =>
                (await handler.CreateAsync(id, request, ct)).ToHttp(t => TypedResults.Created($"/api/rectifications/{t.Id}", t)));

        reviews.MapGet("/{id:int}/rectifications", async (int id, ReviewQueries q, Rectifications handler, CancellationToken ct) =>
                await q.FindAsync(id, ct) is null ? Error.NotFound("Entity.Review").ToProblem() : (IResult)TypedResults.Ok(await handler.ListAsync(id, ct)))
            .Produces<IReadOnlyList<RectificationDto>>();

        // Paper ballots: keyed twice by two different staff members (ADR-006).
        reviews.MapPost("/{id:int}/paper-entries", async (int id, EnterPaperBallot.Request request, EnterPaperBallot handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(r => r.Status == EnterPaperBallot.EntryStatus.Accepted
                    ? TypedResults.Created((string?)null, r)
                    : (IResult)TypedResults.Accepted((string?)null, r)))
            .Produces<EnterPaperBallot.Response>(201).Produces<EnterPaperBallot.Response>(202).ProducesValidationProblem();
        reviews.MapGet("/{id:int}/paper-entries", async (int id, EnterPaperBallot handler, CancellationToken ct) =>
            (await handler.BacklogAsync(id, ct)).ToHttp(TypedResults.Ok));
        reviews.MapDelete("/{id:int}/paper-entries/{token}", async (int id, string token, EnterPaperBallot handler, CancellationToken ct) =>
                (await handler.DiscardAsync(id, token, ct)).ToHttp(_ => TypedResults.NoContent()))
            .Produces(204);

        // A community secretary works on the tasks of their own unit; the street verifies.
        var tasks = app.MapGroup("/api/rectifications").WithTags("Reviews").RequireAuthorization(Policies.OrgManager);
        tasks.MapGet("", async (Rectifications handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(null, ct)));
        tasks.MapPost("/{id:int}/progress", async (int id, Rectifications.ProgressRequest request, Rectifications handler, CancellationToken ct) =>
                (await handler.ProgressAsync(id, request, ct)).ToHttp(TypedResults.Ok));
        tasks.MapPost("/{id:int}/verify", async (int id, Rectifications.VerifyRequest request, Rectifications handler, CancellationToken ct) =>
                (await handler.VerifyAsync(id, request, ct)).ToHttp(TypedResults.Ok));

        // Public: an evaluator has a token, not an account.
        var ballots = app.MapGroup("/api/ballots").WithTags("Reviews").AllowAnonymous().RequireGuessLimit();
        ballots.MapGet("/{token}", async (string token, CastBallot handler, HttpContext http, CancellationToken ct) =>
            GuessLimit.Note(http, await handler.GetFormAsync(token, ct)).ToHttp(TypedResults.Ok));
        ballots.MapPost("/{token}", async (string token, CastBallot.Request request, CastBallot handler, HttpContext http,
                CancellationToken ct) => GuessLimit.Note(http, await handler.HandleAsync(token, request, ct)).ToHttp(r => TypedResults.Created((string?)null, r)));
        // Everything needed to check a published tally without a key (ADR-015): the key, the sealed ballots, the sums and the
        // trustees' partial decryptions with their proofs.
        app.MapGet("/api/reviews/{id:int}/sealed", async (int id, VerifyCampaign handler, CancellationToken ct) =>
                (await handler.RecordAsync(id, ct)).ToHttp(TypedResults.Ok))
            .WithTags("Reviews").AllowAnonymous();
        app.MapGet("/api/reviews/{id:int}/verify", async (int id, VerifyCampaign handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(TypedResults.Ok))
            .WithTags("Reviews").AllowAnonymous();
        app.MapGet("/api/reviews/{id:int}/receipts", async (int id, TallyResults handler, CancellationToken ct) =>
                (await handler.ReceiptsAsync(id, ct)).ToHttp(TypedResults.Ok))
            .WithTags("Reviews").AllowAnonymous();
        // The short address printed under each QR code, to type on a phone whose camera will not scan (any letter case).
        app.MapGet("/b/{token}", (string token) => TypedResults.Redirect("/ballot/" + Uri.EscapeDataString(token.ToUpperInvariant())))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapWorkReports();
        app.MapHallCheck();
        return app;
    }
}
