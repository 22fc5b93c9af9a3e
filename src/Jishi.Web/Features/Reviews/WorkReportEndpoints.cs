using Jishi.Web.Features.Accounts;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Files;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Reviews;

/// <summary>述职报告 and 整改 evidence over HTTP. Secretaries reach these through the OrgManager policy; the handlers then
/// confine them to their own unit (404 for anything else), and the street's own actions demand the StreetAdmin policy.</summary>
public static class WorkReportEndpoints
{
    public static IEndpointRouteBuilder MapWorkReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reviews/{id:int}/reports", async (int id, WorkReportQueries handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.ListAsync(id, ct)).ToHttp(text, TypedResults.Ok))
            .WithTags("Reviews").RequireAuthorization(Policies.StreetAdmin).Produces<IReadOnlyList<WorkReportListItem>>();
        app.MapGet("/api/my/reports", async (WorkReportQueries handler, CancellationToken ct) => TypedResults.Ok(await handler.MineAsync(ct)))
            .WithTags("Reviews").RequireAuthorization(Policies.OrgManager);

        var report = app.MapGroup("/api/reviews/{id:int}/subjects/{subjectId:int}/report").WithTags("Reviews");
        report.MapGet("", async (int id, int subjectId, WorkReportQueries handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.GetAsync(id, subjectId, ct)).ToHttp(text, TypedResults.Ok))
            .RequireAuthorization(Policies.OrgManager).Produces<WorkReportDto>();
        report.MapPut("", async (int id, int subjectId, WriteWorkReport.SaveRequest request, WriteWorkReport handler, IStringLocalizer<SharedResource> text,
                CancellationToken ct) => (await handler.SaveAsync(id, subjectId, request, ct)).ToHttp(text, TypedResults.Ok))
            .RequireAuthorization(Policies.OrgManager).Produces<WorkReportDto>().ProducesValidationProblem();
        report.MapPost("/submit", async (int id, int subjectId, WriteWorkReport handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.SubmitAsync(id, subjectId, ct)).ToHttp(text, TypedResults.Ok))
            .RequireAuthorization(Policies.OrgManager).Produces<WorkReportDto>().ProducesValidationProblem();
        report.MapPost("/return", async (int id, int subjectId, WriteWorkReport.ReturnRequest request, WriteWorkReport handler,
                IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.ReturnAsync(id, subjectId, request, ct)).ToHttp(text, TypedResults.Ok))
            .RequireAuthorization(Policies.StreetAdmin).Produces<WorkReportDto>().ProducesValidationProblem();
        report.MapPost("/problems/{problemId:int}/rectification", async (int id, int subjectId, int problemId, CreateProblemTask.ProblemTaskRequest request,
                CreateProblemTask handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await handler.CreateTaskAsync(id, subjectId, problemId, request, ct))
                    .ToHttp(text, t => TypedResults.Created($"/api/rectifications/{t.Id}", t)))
            .RequireAuthorization(Policies.StreetAdmin).Produces<RectificationDto>(201);

        var evidence = app.MapGroup("/api/rectifications/{id:int}/evidence").WithTags("Reviews").RequireAuthorization(Policies.OrgManager);
        evidence.MapPost("", (int id, IFormFile file, EvidenceFiles handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                file.ReceiveAsync(upload => handler.UploadAsync(id, upload, ct), text, f => TypedResults.Created($"/api/rectifications/{id}/evidence/{f.Id}", f)))
            .AcceptsUpload().Produces<EvidenceFileDto>(201);
        evidence.MapGet("", async (int id, EvidenceFiles handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await handler.ListAsync(id, ct)).ToHttp(text, TypedResults.Ok)).Produces<IReadOnlyList<EvidenceFileDto>>();
        evidence.MapGet("/{fileId:int}", async (int id, int fileId, EvidenceFiles handler, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await handler.DownloadAsync(id, fileId, ct)).ToHttp(text, f => f.ToHttp()))
            .Produces(200, contentType: "application/octet-stream").ProducesProblem(404);
        return app;
    }
}
