using System.Globalization;
using System.Text.Json.Serialization;
using Jishi.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Scalar.AspNetCore;

namespace Jishi.Web.Shared;

/// <summary>Cross-cutting services: time, current user, localization, JSON, problem details, OpenAPI, health,
/// data-protection keys in the database (so instances are interchangeable).</summary>
public static class PlatformSetup
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"])
            && string.IsNullOrEmpty(builder.Configuration["HTTP_PORTS"]) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            // 会场模式 (Jishi:Lan=true) listens on every interface so the hall's phones reach the laptop.
            builder.WebHost.UseUrls(SiteAddress.DefaultUrl(builder.Configuration));
        }
        // Serves wwwroot and the packages' _content/ from the build output in every environment, not only Development.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        // Under systemd (jishi.service, Type=notify) it reports when it is ready; under the Windows service manager it runs
        // as the service "Jishi" (sc.exe, 安装说明.txt). Elsewhere both do nothing.
        services.AddSystemd().AddWindowsService(options => options.ServiceName = "Jishi");
        // Pages are Chinese: write the characters as they are, not as &#x...; entities (three times the bytes).
        services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddSingleton<SiteAddress>();
        services.AddSingleton<Data.WriteGate>().AddScoped<Data.MemberWriteLock>();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.ApplyCurrentCultureToResponseHeaders = true;
        });
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var text = ctx.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            if (ctx.ProblemDetails.Title is null || ctx.ProblemDetails.Title.All(c => c < 128))
            {
                ctx.ProblemDetails.Title = text.StatusTitle(ctx.ProblemDetails.Status ?? 500);
            }
            // Minimal APIs refuse a body they cannot read (malformed JSON, a text where a number goes) with an empty 400.
            if (ctx.ProblemDetails.Status == StatusCodes.Status400BadRequest && ctx.ProblemDetails.Detail is null)
            {
                ctx.ProblemDetails.Detail = text["Problems.Unreadable"].Value;
            }
        });
        services.AddOpenApi(o =>
        {
            // Use cases nest their Request/Response records; qualify them so schema names stay unique.
            o.CreateSchemaReferenceId = t => t.Type.IsNested && t.Type.DeclaringType is { } outer
                ? outer.Name + t.Type.Name
                : Microsoft.AspNetCore.OpenApi.OpenApiOptions.CreateDefaultSchemaReferenceId(t);
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "基石 Jishi API";
                document.Info.Description = "街道社区基层党建工作平台的公开接口。Public API of the Jishi grassroots party-building platform.";
                return Task.CompletedTask;
            });
        });
        services.AddExceptionHandler<DatabaseUnavailable>();
        services.AddHealthChecks().AddDbContextCheck<JishiDbContext>();
        services.AddDataProtection().SetApplicationName("Jishi").PersistKeysToDbContext<JishiDbContext>();
        return builder;
    }

    public const string ContentSecurityPolicy =
        "script-src 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'";

    public static WebApplication UsePlatform(this WebApplication app)
    {
        // On every answer: no MIME sniffing; no Referer, since ballot, wish and check-in codes travel in addresses; never inside
        // another site's frame; no plugins; forms post only here; scripts only from our own files (no inline script, no eval:
        // Blazor Server, AntDesign and ECharts need neither). Styles stay open: AntDesign sets inline styles.
        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return next(http);
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusPages.WriteAsync);
        app.UseRequestLocalization();
        app.UseInputLimits();
        return app;
    }

    public static IEndpointRouteBuilder MapPlatform(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        // Offline intranets: no web fonts, telemetry or AI agent from scalar.com.
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("基石 Jishi API").DisableDefaultFonts().DisableTelemetry().DisableAgent().DisableMcp())
            .AllowAnonymous();
        app.MapGet("/culture/{name}", (string name, string? returnUrl, HttpContext http, TimeProvider clock) =>
        {
            if (Cultures.Any(c => c.Name == name))
            {
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(name)),
                    new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
            }
            return TypedResults.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') ? returnUrl : "/");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
