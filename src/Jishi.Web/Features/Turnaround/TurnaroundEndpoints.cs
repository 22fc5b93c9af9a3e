using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Turnaround;

public static class TurnaroundEndpoints
{
    public static IServiceCollection AddTurnaround(this IServiceCollection services) =>
        services.AddScoped<TurnaroundPlans>().AddScoped<TurnaroundQueries>();

    public static IEndpointRouteBuilder MapTurnaround(this IEndpointRouteBuilder app)
    {
        // Staff from the street down to the branch secretary; the handler tells apart who may edit, decide or only report.
        var api = app.MapGroup("/api/turnaround").WithTags("Turnaround").RequireAuthorization(Policies.OrgManager);
        api.MapGet("/summary", async (int? unitId, int? year, TurnaroundQueries q, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await q.SummaryForAsync(unitId, year, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<TurnaroundSummary>();
        api.MapGet("/plans", async ([AsParameters] TurnaroundQueries.ListRequest request, TurnaroundQueries q, IStringLocalizer<SharedResource> text,
                CancellationToken ct) => (await q.ListAsync(request, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<Page<PlanRow>>();
        api.MapPost("/plans", async (TurnaroundPlans.CreateRequest request, TurnaroundPlans plans, IStringLocalizer<SharedResource> text,
                CancellationToken ct) => (await plans.CreateAsync(request, ct)).ToHttp(text, p => TypedResults.Created($"/api/turnaround/plans/{p.Id}", p)))
            .Produces<PlanDto>(201).ProducesValidationProblem();
        api.MapGet("/plans/{id:int}", async (int id, TurnaroundPlans plans, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await plans.GetAsync(id, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<PlanDto>();
        api.MapPut("/plans/{id:int}", async (int id, PlanDetails request, TurnaroundPlans plans, IStringLocalizer<SharedResource> text,
                CancellationToken ct) => (await plans.UpdateAsync(id, request, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<PlanDto>().ProducesValidationProblem();
        api.MapPost("/plans/{id:int}/regrade", async (int id, Regrading request, TurnaroundPlans plans, IStringLocalizer<SharedResource> text,
                CancellationToken ct) => (await plans.RegradeAsync(id, request, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<PlanDto>().ProducesValidationProblem();
        api.MapPost("/plans/{id:int}/cancel", async (int id, PointsLedger.ReasonRequest request, TurnaroundPlans plans,
                IStringLocalizer<SharedResource> text, CancellationToken ct) => (await plans.CancelAsync(id, request, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<PlanDto>().ProducesValidationProblem();

        api.MapPost("/plans/{id:int}/milestones", async (int id, TurnaroundPlans.MilestoneRequest request, TurnaroundPlans plans,
                IStringLocalizer<SharedResource> text, CancellationToken ct) => (await plans.AddMilestoneAsync(id, request, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<PlanDto>().ProducesValidationProblem();
        api.MapPut("/plans/{id:int}/milestones/{milestoneId:int}", async (int id, int milestoneId, TurnaroundPlans.MilestoneRequest request,
                TurnaroundPlans plans, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await plans.UpdateMilestoneAsync(id, milestoneId, request, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<PlanDto>().ProducesValidationProblem();
        api.MapDelete("/plans/{id:int}/milestones/{milestoneId:int}", async (int id, int milestoneId, TurnaroundPlans plans,
                IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await plans.DeleteMilestoneAsync(id, milestoneId, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<PlanDto>();
        api.MapPost("/plans/{id:int}/milestones/{milestoneId:int}/done", async (int id, int milestoneId, TurnaroundPlans.DoneRequest request,
                TurnaroundPlans plans, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await plans.MarkDoneAsync(id, milestoneId, request, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<PlanDto>().ProducesValidationProblem();
        api.MapPost("/plans/{id:int}/milestones/{milestoneId:int}/files", (int id, int milestoneId, IFormFile file, TurnaroundPlans plans,
                IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                file.ReceiveAsync(upload => plans.UploadAsync(id, milestoneId, upload, ct), text,
                    f => TypedResults.Created($"/api/turnaround/plans/{id}/milestones/{milestoneId}/files/{f.Id}", f)))
            .AcceptsUpload()
            .Produces<StoredFileDto>(201);
        api.MapGet("/plans/{id:int}/milestones/{milestoneId:int}/files/{attachmentId:int}", async (int id, int milestoneId, int attachmentId,
                TurnaroundPlans plans, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await plans.DownloadAsync(id, milestoneId, attachmentId, ct)).ToHttp(text, f => f.ToHttp()))
            .Produces(StatusCodes.Status200OK);

        api.MapPost("/plans/{id:int}/progress", async (int id, TurnaroundPlans.ProgressRequest request, TurnaroundPlans plans,
                IStringLocalizer<SharedResource> text, CancellationToken ct) => (await plans.AddProgressAsync(id, request, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<PlanDto>().ProducesValidationProblem();
        api.MapPut("/plans/{id:int}/progress/{progressId:int}", async (int id, int progressId, TurnaroundPlans.ProgressRequest request,
                TurnaroundPlans plans, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await plans.UpdateProgressAsync(id, progressId, request, ct)).ToHttp(text, TypedResults.Ok))
            .Produces<PlanDto>().ProducesValidationProblem();
        return app;
    }
}
