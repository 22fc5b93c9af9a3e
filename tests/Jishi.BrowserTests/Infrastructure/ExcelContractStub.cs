using Jishi.Web.Features.Members;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Jishi.BrowserTests.Infrastructure;

/// <summary>Stands in for the roster's Excel endpoints (template, import, export) while the product has none, following
/// their contract: import answers 200 <c>{ imported }</c> or 400 <c>{ errors: [{ row, column, message }] }</c>. As soon
/// as the product maps a route, the stub steps aside for it, so the same tests then drive the real endpoints.</summary>
public sealed class ExcelContractStub : IStartupFilter
{
    private static readonly string[] Routes = ["/api/members/template", "/api/members/import", "/api/members/export"];

    // The national collection form's member items, in its order, then Jishi's own.
    private static readonly string[] Columns = ["姓名", "性别", "民族", "公民身份号码", "出生日期", "学历", "人员类别", "所在党支部",
        "加入党组织日期", "转为正式党员日期", "工作岗位", "联系电话", "家庭住址", "党籍状态", "是否为失联党员", "失去联系日期",
        "是否为流动党员", "外出流向", "分层类别", "职务", "状态"];

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            var path = context.Request.Path.Value;
            if (!Routes.Contains(path) || ProductMaps(context, path!))
            {
                await nextMiddleware(context);
                return;
            }
            if (context.User.Identity?.IsAuthenticated != true
                && (await context.AuthenticateAsync(Jishi.Web.Features.Accounts.AccountsSetup.Scheme)).Principal is null)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
            await (path switch
            {
                "/api/members/import" => ImportAsync(context),
                _ => SendWorkbookAsync(context, Columns.ToDictionary(c => c, c => (object?)(c == "姓名" && path!.EndsWith("export", StringComparison.Ordinal) ? "王伟" : null))),
            });
        });
        next(app);
    };

    private static bool ProductMaps(HttpContext context, string path) =>
        context.RequestServices.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Any(e => string.Equals("/" + e.RoutePattern.RawText?.TrimStart('/'), path, StringComparison.OrdinalIgnoreCase));

    private static async Task ImportAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        await using var stream = form.Files["file"]!.OpenReadStream();
        var rows = (await MiniExcel.QueryAsync(stream, useHeaderRow: true)).Cast<IDictionary<string, object?>>().ToList();
        var errors = rows.Select((r, i) => (Row: i + 2, Id: r.TryGetValue("公民身份号码", out var v) ? v?.ToString() : null))
            .Where(r => r.Id is { Length: > 0 } id && !MemberRules.IsValidIdNumber(id))
            .Select(r => new { row = r.Row, column = "公民身份号码", message = $"第{r.Row}行「公民身份号码」不正确" })
            .ToList();
        if (errors.Count > 0)
        {
            await Results.Json(new { errors }, statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
            return;
        }
        await Results.Json(new { imported = rows.Count }).ExecuteAsync(context);
    }

    private static async Task SendWorkbookAsync(HttpContext context, Dictionary<string, object?> row)
    {
        using var buffer = new MemoryStream();
        await MiniExcel.SaveAsAsync(buffer, new[] { row });
        context.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        context.Response.Headers.ContentDisposition = "attachment; filename=roster.xlsx";
        await context.Response.Body.WriteAsync(buffer.ToArray());
    }
}
