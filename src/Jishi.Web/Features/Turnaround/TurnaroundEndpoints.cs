using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Files;
using Microsoft.AspNetCore.Mvc;

namespace Jishi.Web.Features.Turnaround;

public static class TurnaroundEndpoints
{
    public static IServiceCollection AddTurnaround(this IServiceCollection services) =>
        services.AddScoped<TurnaroundQueries>().AddScoped<TurnaroundChanges>().AddScoped<DraftTurnaroundPlan>()
            .AddScoped<ScheduleMilestones>().AddScoped<ReportTurnaroundProgress>().AddScoped<CloseTurnaroundPlan>();

    public static IEndpointRouteBuilder MapTurnaround(this IEndpointRouteBuilder app)
    {
        // Staff from the street down to the branch secretary; the handler tells apart who may edit, decide or only report.
        var api = app.MapGroup("/api/turnaround").WithTags("Turnaround").RequireAuthorization(Policies.OrgManager);
        api.MapGet("/summary", async (int? unitId, int? year, TurnaroundQueries q, CancellationToken ct) =>
                (await q.SummaryForAsync(unitId, year, ct)).ToHttp(TypedResults.Ok));
        api.MapGet("/plans", async ([AsParameters] TurnaroundQueries.ListRequest request, TurnaroundQueries q,
                CancellationToken ct) => (await q.ListAsync(request, ct)).ToHttp(TypedResults.Ok));
        api.MapPost("/plans", async (DraftTurnaroundPlan.CreateRequest request, DraftTurnaroundPlan handler, CancellationToken ct) =>
                (await handler.CreateAsync(request, ct)).ToHttp(p => TypedResults.Created($"/api/turnaround/plans/{p.Id}", p)));
        api.MapGet("/plans/{id:int}", async (int id, TurnaroundQueries q, CancellationToken ct) =>
                (await q.GetAsync(id, ct)).ToHttp(TypedResults.Ok));
        api.MapPut("/plans/{id:int}", async (int id, PlanDetails request, DraftTurnaroundPlan handler,
                CancellationToken ct) => (await handler.UpdateAsync(id, request, ct)).ToHttp(TypedResults.Ok));
        api.MapPost("/plans/{id:int}/regrade", async (int id, Regrading request, CloseTurnaroundPlan handler, CancellationToken ct) =>
                (await handler.RegradeAsync(id, request, ct)).ToHttp(TypedResults.Ok));
        api.MapPost("/plans/{id:int}/cancel", async (int id, PointsLedger.ReasonRequest request, CloseTurnaroundPlan handler, CancellationToken ct) =>
                (await handler.CancelAsync(id, request, ct)).ToHttp(TypedResults.Ok));

        api.MapPost("/plans/{id:int}/milestones", async (int id, ScheduleMilestones.MilestoneRequest request, ScheduleMilestones handler, CancellationToken ct) =>
                (await handler.AddMilestoneAsync(id, request, ct)).ToHttp(TypedResults.Ok));
        api.MapPut("/plans/{id:int}/milestones/{milestoneId:int}", async (int id, int milestoneId, ScheduleMilestones.MilestoneRequest request,
                ScheduleMilestones handler, CancellationToken ct) =>
                (await handler.UpdateMilestoneAsync(id, milestoneId, request, ct)).ToHttp(TypedResults.Ok));
        api.MapDelete("/plans/{id:int}/milestones/{milestoneId:int}", async (int id, int milestoneId, ScheduleMilestones handler, CancellationToken ct) =>
                (await handler.DeleteMilestoneAsync(id, milestoneId, ct)).ToHttp(TypedResults.Ok));
        api.MapPost("/plans/{id:int}/milestones/{milestoneId:int}/done", async (int id, int milestoneId,
                ReportTurnaroundProgress.DoneRequest request, ReportTurnaroundProgress handler,
                CancellationToken ct) => (await handler.MarkDoneAsync(id, milestoneId, request, ct)).ToHttp(TypedResults.Ok));
        api.MapPost("/plans/{id:int}/milestones/{milestoneId:int}/files", (int id, int milestoneId, IFormFile file,
                ReportTurnaroundProgress handler, CancellationToken ct) =>
                file.ReceiveAsync(upload => handler.UploadAsync(id, milestoneId, upload, ct),
                    f => TypedResults.Created($"/api/turnaround/plans/{id}/milestones/{milestoneId}/files/{f.Id}", f)))
            .AcceptsUpload()
            .Produces<StoredFileDto>(201);
        api.MapGet("/plans/{id:int}/milestones/{milestoneId:int}/files/{attachmentId:int}", async (int id, int milestoneId, int attachmentId,
                TurnaroundQueries q, CancellationToken ct) =>
                (await q.DownloadAsync(id, milestoneId, attachmentId, ct)).ToHttp(f => f.ToHttp()))
            .Produces(StatusCodes.Status200OK);

        api.MapPost("/plans/{id:int}/progress", async (int id, ReportTurnaroundProgress.ProgressRequest request,
                ReportTurnaroundProgress handler, CancellationToken ct) =>
                (await handler.AddProgressAsync(id, request, ct)).ToHttp(TypedResults.Ok));
        api.MapPut("/plans/{id:int}/progress/{progressId:int}", async (int id, int progressId, ReportTurnaroundProgress.ProgressRequest request,
                ReportTurnaroundProgress handler, CancellationToken ct) =>
                (await handler.UpdateProgressAsync(id, progressId, request, ct)).ToHttp(TypedResults.Ok));
        return app;
    }
}
