using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Shared;

/// <summary>An answer without a body (an unknown address, a form the server refuses) is a Chinese page for a browser and
/// ProblemDetails JSON for the API and for scripts.</summary>
public static class StatusPages
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var status = http.Response.StatusCode;
        if (!WantsPage(http.Request))
        {
            if (!await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext { HttpContext = http }))
            {
                // A caller that accepts no JSON (an API client asking for text/html) still gets the API's answer.
                await http.Response.WriteAsJsonAsync(new ProblemDetails { Status = status, Title = text.StatusTitle(status) },
                    (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", http.RequestAborted);
            }
            return;
        }
        var detail = text["Screens.Status.Detail." + status] is { ResourceNotFound: false } d ? d.Value : text["Screens.Status.Detail"].Value;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(Page(text.StatusTitle(status), detail, text["Screens.Status.Home"].Value, "/",
            CultureInfo.CurrentUICulture.Name), http.RequestAborted);
    }

    /// <summary>A browser asking for a page (not the API, not a script's fetch) gets a page it can show.</summary>
    public static bool WantsPage(HttpRequest request) =>
        !request.IsApi() && request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.Ordinal) == true);

    /// <summary>A plain page, readable on a phone, with one title, one paragraph and one link.</summary>
    public static string Page(string title, string detail, string link, string href, string language)
    {
        var t = WebUtility.HtmlEncode(title);
        return $$"""
            <!DOCTYPE html>
            <html lang="{{WebUtility.HtmlEncode(language)}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <link rel="icon" href="/favicon.ico" type="image/x-icon">
            <title>{{t}}</title>
            <style>body{font-family:sans-serif;font-size:18px;line-height:1.6;margin:2em 1.2em;color:#222}h1{font-size:1.5em;color:#c8102e}a{font-size:1.1em}</style></head>
            <body><h1>{{t}}</h1><p>{{WebUtility.HtmlEncode(detail)}}</p><p><a href="{{WebUtility.HtmlEncode(href)}}">{{WebUtility.HtmlEncode(link)}}</a></p></body></html>
            """;
    }
}
