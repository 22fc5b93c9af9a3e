using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Jishi.IntegrationTests.Infrastructure;

/// <summary>The test server has no connection: with this filter every request arrives as if from a trusted reverse proxy
/// on this machine, so a test names each client's address in X-Forwarded-For.</summary>
public sealed class FromProxyStartupFilter : IStartupFilter
{
    public static void Install(IWebHostBuilder builder)
    {
        builder.UseSetting("Jishi:TrustedProxies:0", "127.0.0.1");
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new FromProxyStartupFilter()));
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, go) =>
        {
            http.Connection.RemoteIpAddress = IPAddress.Loopback;
            return go(http);
        });
        next(app);
    };
}
