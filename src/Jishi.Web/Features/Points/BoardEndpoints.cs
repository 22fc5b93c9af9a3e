using Jishi.Web.Features.Accounts;
using Jishi.Web.Shared.Excel;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Points;

/// <summary>Warnings and the year-end sheet over HTTP, for the branch secretary and above within their subtree. The public
/// star board is a page (/board/stars/{unitId}), not an API.</summary>
public static class BoardEndpoints
{
    public static IServiceCollection AddPointsBoards(this IServiceCollection services) =>
        services.AddScoped<PointsBoards>().AddScoped<YearEndWorkbook>();

    public static IEndpointRouteBuilder MapPointsBoards(this IEndpointRouteBuilder app)
    {
        var points = app.MapGroup("/api/points").WithTags("Points").RequireAuthorization(Policies.OrgManager);
        points.MapGet("/warnings", async ([AsParameters] PointsBoards.ScopeRequest request, PointsBoards boards, CancellationToken ct) =>
                (await boards.WarningsAsync(request, ct)).ToHttp(TypedResults.Ok)).ProducesProblem(StatusCodes.Status404NotFound);
        points.MapGet("/year-end", async ([AsParameters] PointsBoards.ScopeRequest request, PointsBoards boards, CancellationToken ct) =>
                (await boards.YearEndAsync(request, ct)).ToHttp(TypedResults.Ok)).ProducesProblem(StatusCodes.Status404NotFound);
        points.MapGet("/year-end.xlsx", async ([AsParameters] PointsBoards.ScopeRequest request, YearEndWorkbook workbook, CancellationToken ct) =>
                (await workbook.ExportAsync(request, ct)).ToHttp(f => TypedResults.File(f.Content, ExcelFile.ContentType, f.FileName)))
            .Produces(StatusCodes.Status200OK, contentType: ExcelFile.ContentType).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
