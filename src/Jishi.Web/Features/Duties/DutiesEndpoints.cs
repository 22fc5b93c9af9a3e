using Jishi.Web.Features.Accounts;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Files;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Duties;

public static class DutiesEndpoints
{
    public static IServiceCollection AddDuties(this IServiceCollection services) =>
        services.AddScoped<DutyLists>().AddScoped<KeyTaskQueries>().AddScoped<SaveKeyTask>().AddScoped<ReportKeyTaskProgress>().AddScoped<DutyFigures>()
            .AddScoped<KeyTaskDailyScores>();

    public static IEndpointRouteBuilder MapDuties(this IEndpointRouteBuilder app)
    {
        var duties = app.MapGroup("/api/duties").WithTags("Duties").RequireAuthorization(Policies.OrgManager);
        duties.MapGet("", async (int? unitId, int? year, DutyLists lists, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await lists.ListAsync(unitId, year, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<IReadOnlyList<DutyListSummary>>();
        duties.MapPost("", async (DutyLists.CreateRequest request, DutyLists lists, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await lists.CreateAsync(request, ct)).ToHttp(text, l => TypedResults.Created($"/api/duties/{l.Id}", l)))
            .Produces<DutyListDto>(201).ProducesValidationProblem();
        duties.MapPost("/template", async (DutyLists.TemplateRequest request, DutyLists lists, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await lists.CopyTemplateAsync(request, ct)).ToHttp(text, TypedResults.Ok))
            .RequireAuthorization(Policies.StreetAdmin).Produces<TemplateCopied>().ProducesValidationProblem();
        duties.MapGet("/{id:int}", async (int id, DutyLists lists, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await lists.GetAsync(id, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<DutyListDto>();
        duties.MapPut("/{id:int}", async (int id, DutyLists.SaveRequest request, DutyLists lists, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await lists.SaveAsync(id, request, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<DutyListDto>().ProducesValidationProblem();

        var tasks = app.MapGroup("/api/key-tasks").WithTags("Duties").RequireAuthorization(Policies.OrgManager);
        tasks.MapGet("", async (int? year, KeyTaskQueries handler, CancellationToken ct) => TypedResults.Ok(await handler.MatrixAsync(year, ct)))
            .Produces<KeyTaskMatrix>();
        tasks.MapPost("", async (SaveKeyTask.TaskRequest request, SaveKeyTask handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.CreateAsync(request, ct)).ToHttp(text, t => TypedResults.Created($"/api/key-tasks/{t.Id}", t)))
            .RequireAuthorization(Policies.StreetAdmin).Produces<KeyTaskDto>(201).ProducesValidationProblem();
        tasks.MapPut("/{id:int}", async (int id, SaveKeyTask.TaskRequest request, SaveKeyTask handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.UpdateAsync(id, request, ct)).ToHttp(text, TypedResults.Ok))
            .RequireAuthorization(Policies.StreetAdmin).Produces<KeyTaskDto>().ProducesValidationProblem();
        tasks.MapDelete("/{id:int}", async (int id, SaveKeyTask handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.DeleteAsync(id, ct)).ToHttp(text, _ => TypedResults.NoContent()))
            .RequireAuthorization(Policies.StreetAdmin).Produces(204);
        tasks.MapGet("/cells/{id:int}", async (int id, KeyTaskQueries handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.CellAsync(id, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<KeyTaskCellDetail>();
        tasks.MapPut("/cells/{id:int}", async (int id, ReportKeyTaskProgress.ReportRequest request, ReportKeyTaskProgress handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.ReportAsync(id, request, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<KeyTaskCellDetail>().ProducesValidationProblem();
        tasks.MapPost("/cells/{id:int}/evidence", (int id, IFormFile file, ReportKeyTaskProgress handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                file.ReceiveAsync(upload => handler.UploadAsync(id, upload, ct), text, f => TypedResults.Created($"/api/key-tasks/cells/{id}/evidence/{f.Id}", f)))
            .AcceptsUpload().Produces<StoredFileDto>(201);
        tasks.MapGet("/cells/{id:int}/evidence/{cellEvidenceId:int}", async (int id, int cellEvidenceId, KeyTaskQueries handler, IStringLocalizer<SharedResource> text,
                CancellationToken ct) =>
                (await handler.DownloadAsync(id, cellEvidenceId, ct)).ToHttp(text, f => f.ToHttp()))
            .Produces(200, contentType: "application/octet-stream").ProducesProblem(404);
        tasks.MapGet("/daily-scores/{reviewId:int}", async (int reviewId, KeyTaskDailyScores handler, IStringLocalizer<SharedResource> text,
                CancellationToken ct) => (await handler.PreviewAsync(reviewId, ct)).ToHttp(text, TypedResults.Ok))
            .RequireAuthorization(Policies.StreetAdmin).Produces<IReadOnlyList<DailyScoreProposal>>();
        tasks.MapPost("/daily-scores/{reviewId:int}", async (int reviewId, KeyTaskDailyScores handler, IStringLocalizer<SharedResource> text,
                CancellationToken ct) => (await handler.ApplyAsync(reviewId, ct)).ToHttp(text, TypedResults.Ok))
            .RequireAuthorization(Policies.StreetAdmin).Produces<IReadOnlyList<DailyScoreProposal>>();
        return app;
    }
}
