using Jishi.Web.Features.Accounts;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Files;

namespace Jishi.Web.Features.Reviews;

/// <summary>述职报告 and 整改 evidence over HTTP. Secretaries reach these through the OrgManager policy; the handlers then
/// confine them to their own unit (404 for anything else), and the street's own actions demand the StreetAdmin policy.</summary>
public static class WorkReportEndpoints
{
    public static IEndpointRouteBuilder MapWorkReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reviews/{id:int}/reports", async (int id, WorkReportQueries handler, CancellationToken ct) =>
                (await handler.ListAsync(id, ct)).ToHttp(TypedResults.Ok))
            .WithTags("Reviews").RequireAuthorization(Policies.StreetAdmin);
        app.MapGet("/api/my/reports", async (WorkReportQueries handler, CancellationToken ct) => TypedResults.Ok(await handler.MineAsync(ct)))
            .WithTags("Reviews").RequireAuthorization(Policies.OrgManager);

        var report = app.MapGroup("/api/reviews/{id:int}/subjects/{subjectId:int}/report").WithTags("Reviews");
        report.MapGet("", async (int id, int subjectId, WorkReportQueries handler, CancellationToken ct) =>
                (await handler.GetAsync(id, subjectId, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.OrgManager);
        report.MapPut("", async (int id, int subjectId, WriteWorkReport.SaveRequest request, WriteWorkReport handler,
                CancellationToken ct) => (await handler.SaveAsync(id, subjectId, request, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.OrgManager);
        report.MapPost("/submit", async (int id, int subjectId, WriteWorkReport handler, CancellationToken ct) =>
                (await handler.SubmitAsync(id, subjectId, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.OrgManager);
        report.MapPost("/return", async (int id, int subjectId, WriteWorkReport.ReturnRequest request, WriteWorkReport handler, CancellationToken ct) =>
                (await handler.ReturnAsync(id, subjectId, request, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.StreetAdmin);
        report.MapPost("/problems/{problemId:int}/rectification", async (int id, int subjectId, int problemId, CreateProblemTask.ProblemTaskRequest request,
                CreateProblemTask handler, CancellationToken ct) =>
                (await handler.CreateTaskAsync(id, subjectId, problemId, request, ct))
                    .ToHttp(t => TypedResults.Created($"/api/rectifications/{t.Id}", t)))
            .RequireAuthorization(Policies.StreetAdmin);

        var evidence = app.MapGroup("/api/rectifications/{id:int}/evidence").WithTags("Reviews").RequireAuthorization(Policies.OrgManager);
        evidence.MapPost("", (int id, IFormFile file, EvidenceFiles handler, CancellationToken ct) =>
                file.ReceiveAsync(upload => handler.UploadAsync(id, upload, ct), f => TypedResults.Created($"/api/rectifications/{id}/evidence/{f.Id}", f)))
            .AcceptsUpload().Produces<EvidenceFileDto>(201);
        evidence.MapGet("", async (int id, EvidenceFiles handler, CancellationToken ct) =>
            (await handler.ListAsync(id, ct)).ToHttp(TypedResults.Ok));
        evidence.MapGet("/{fileId:int}", async (int id, int fileId, EvidenceFiles handler, CancellationToken ct) =>
            (await handler.DownloadAsync(id, fileId, ct)).ToHttp(f => f.ToHttp()))
            .Produces(200, contentType: "application/octet-stream").ProducesProblem(404);
        return app;
    }
}
