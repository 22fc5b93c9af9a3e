using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Jishi.Web.Shared;

/// <summary>Behind a reverse proxy that terminates HTTPS: the proxies named in <c>Jishi:TrustedProxies</c> (IP addresses)
/// are believed about the client's address (X-Forwarded-For, so the rate limits count each phone, not the proxy) and the
/// scheme (X-Forwarded-Proto, so cookies are Secure on HTTPS). Nobody else is believed; with no proxy named the headers are
/// ignored altogether, as on a street office's LAN.</summary>
public static class ReverseProxy
{
    public const string Section = "Jishi:TrustedProxies";

    public static IServiceCollection AddReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = (configuration.GetSection(Section).Get<string[]>() ?? []).Select(Parse).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            proxies.ForEach(o.KnownProxies.Add);
        });
        // Identity's cookie already follows the request's scheme; the antiforgery cookie does not by default.
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return services;
    }

    public static WebApplication UseReverseProxy(this WebApplication app)
    {
        if (app.Configuration.GetSection(Section).Get<string[]>() is { Length: > 0 })
        {
            app.UseForwardedHeaders();
        }
        return app;
    }

    private static IPAddress Parse(string address) => IPAddress.TryParse(address, out var ip)
        ? ip
        : throw new InvalidOperationException($"{Section}：“{address}”不是 IP 地址 / is not an IP address.");
}
