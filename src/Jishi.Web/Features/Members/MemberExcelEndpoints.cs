using Jishi.Web.Features.Accounts;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Excel;

namespace Jishi.Web.Features.Members;

/// <summary>The roster workbook over HTTP: POST /api/members/import, GET /api/members/export and GET /api/members/template.</summary>
public static class MemberExcelEndpoints
{
    public static IEndpointRouteBuilder MapMemberExcel(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/api/members").WithTags("Members").RequireAuthorization(Policies.OrgManager);
        members.MapPost("/import", (HttpRequest request, int? unitId, bool? preview, ImportMembers handler, CancellationToken ct) =>
                ExcelUploadEndpoints.ImportAsync(request, file => handler.HandleAsync(file, unitId, ct, preview == true), TypedResults.Ok, ct))
            .AcceptsWorkbook()
            .Produces<RosterImportSummary>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        members.MapGet("/export", async ([AsParameters] ExportMembers.Request request, ExportMembers handler, CancellationToken ct) =>
                (await handler.ExportAsync(request, ct)).ToHttp(f => f.ToHttp()))
            .Produces(StatusCodes.Status200OK, contentType: ExcelFile.ContentType).ProducesProblem(StatusCodes.Status404NotFound);
        members.MapGet("/template", async (int? unitId, ExportMembers handler, CancellationToken ct) =>
                (await handler.TemplateAsync(unitId, ct)).ToHttp(f => f.ToHttp()))
            .Produces(StatusCodes.Status200OK, contentType: ExcelFile.ContentType).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
