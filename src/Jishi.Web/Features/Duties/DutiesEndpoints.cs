using Jishi.Web.Features.Accounts;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Files;

namespace Jishi.Web.Features.Duties;

public static class DutiesEndpoints
{
    public static IServiceCollection AddDuties(this IServiceCollection services) =>
        services.AddScoped<DutyLists>().AddScoped<KeyTaskQueries>().AddScoped<SaveKeyTask>().AddScoped<ReportKeyTaskProgress>().AddScoped<DutyFigures>()
            .AddScoped<KeyTaskDailyScores>();

    public static IEndpointRouteBuilder MapDuties(this IEndpointRouteBuilder app)
    {
        var duties = app.MapGroup("/api/duties").WithTags("Duties").RequireAuthorization(Policies.OrgManager);
        duties.MapGet("", async (int? unitId, int? year, DutyLists lists, CancellationToken ct) =>
                (await lists.ListAsync(unitId, year, ct)).ToHttp(TypedResults.Ok));
        duties.MapPost("", async (DutyLists.CreateRequest request, DutyLists lists, CancellationToken ct) =>
                (await lists.CreateAsync(request, ct)).ToHttp(l => TypedResults.Created($"/api/duties/{l.Id}", l)));
        duties.MapPost("/template", async (DutyLists.TemplateRequest request, DutyLists lists, CancellationToken ct) =>
                (await lists.CopyTemplateAsync(request, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.StreetAdmin);
        duties.MapGet("/{id:int}", async (int id, DutyLists lists, CancellationToken ct) =>
                (await lists.GetAsync(id, ct)).ToHttp(TypedResults.Ok));
        duties.MapPut("/{id:int}", async (int id, DutyLists.SaveRequest request, DutyLists lists, CancellationToken ct) =>
                (await lists.SaveAsync(id, request, ct)).ToHttp(TypedResults.Ok));

        var tasks = app.MapGroup("/api/key-tasks").WithTags("Duties").RequireAuthorization(Policies.OrgManager);
        tasks.MapGet("", async (int? year, KeyTaskQueries handler, CancellationToken ct) => TypedResults.Ok(await handler.MatrixAsync(year, ct)));
        tasks.MapPost("", async (SaveKeyTask.TaskRequest request, SaveKeyTask handler, CancellationToken ct) =>
                (await handler.CreateAsync(request, ct)).ToHttp(t => TypedResults.Created($"/api/key-tasks/{t.Id}", t)))
            .RequireAuthorization(Policies.StreetAdmin);
        tasks.MapPut("/{id:int}", async (int id, SaveKeyTask.TaskRequest request, SaveKeyTask handler, CancellationToken ct) =>
                (await handler.UpdateAsync(id, request, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.StreetAdmin);
        tasks.MapDelete("/{id:int}", async (int id, SaveKeyTask handler, CancellationToken ct) =>
                (await handler.DeleteAsync(id, ct)).ToHttp(_ => TypedResults.NoContent()))
            .RequireAuthorization(Policies.StreetAdmin).Produces(204);
        tasks.MapGet("/cells/{id:int}", async (int id, KeyTaskQueries handler, CancellationToken ct) =>
                (await handler.CellAsync(id, ct)).ToHttp(TypedResults.Ok));
        tasks.MapPut("/cells/{id:int}", async (int id, ReportKeyTaskProgress.ReportRequest request, ReportKeyTaskProgress handler, CancellationToken ct) =>
                (await handler.ReportAsync(id, request, ct)).ToHttp(TypedResults.Ok));
        tasks.MapPost("/cells/{id:int}/evidence", (int id, IFormFile file, ReportKeyTaskProgress handler, CancellationToken ct) =>
                file.ReceiveAsync(upload => handler.UploadAsync(id, upload, ct), f => TypedResults.Created($"/api/key-tasks/cells/{id}/evidence/{f.Id}", f)))
            .AcceptsUpload().Produces<StoredFileDto>(201);
        tasks.MapGet("/cells/{id:int}/evidence/{cellEvidenceId:int}", async (int id, int cellEvidenceId, KeyTaskQueries handler,
                CancellationToken ct) =>
                (await handler.DownloadAsync(id, cellEvidenceId, ct)).ToHttp(f => f.ToHttp()))
            .Produces(200, contentType: "application/octet-stream").ProducesProblem(404);
        tasks.MapGet("/daily-scores/{reviewId:int}", async (int reviewId, KeyTaskDailyScores handler,
                CancellationToken ct) => (await handler.PreviewAsync(reviewId, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.StreetAdmin);
        tasks.MapPost("/daily-scores/{reviewId:int}", async (int reviewId, KeyTaskDailyScores handler,
                CancellationToken ct) => (await handler.ApplyAsync(reviewId, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.StreetAdmin);
        return app;
    }
}
