using System.Net;
using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Jishi.UnitTests.Shared;

public sealed class SiteAddressTests
{
    [Theory]
    [InlineData("192.168.1.23", true)]
    [InlineData("10.4.0.1", true)]
    [InlineData("172.20.3.4", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("203.0.113.5", false)]
    public void IsPrivate_Ipv4_Rfc1918Ranges(string address, bool expected) =>
        Assert.Equal(expected, SiteAddress.IsPrivate(IPAddress.Parse(address)));

    [Theory]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://192.168.1.23:5080", false)]
    public void IsLoopback_Address_TrueOnlyForThisMachine(string url, bool expected) => Assert.Equal(expected, SiteAddress.IsLoopback(url));

    [Theory]
    [InlineData("http://192.168.1.23:5080", "192.168.1.23:5080/b/ABCD23456789")]
    [InlineData("https://dj.example.cn", "https://dj.example.cn/b/ABCD23456789")]
    public void ShortUrl_Address_TypeableWithoutHttp(string baseUrl, string expected) =>
        Assert.Equal(expected, Jishi.Web.Features.Reviews.BallotLinks.ShortUrl(baseUrl, "ABCD23456789"));

    /// <summary>A server listening on the given addresses (what Kestrel reports once started).</summary>
    private sealed class ListeningServer : IServer
    {
        public ListeningServer(params string[] addresses)
        {
            var feature = new ServerAddressesFeature();
            foreach (var a in addresses)
            {
                feature.Addresses.Add(a);
            }
            Features.Set<IServerAddressesFeature>(feature);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull =>
            Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }

    private static SiteAddress Site(string? publicUrl, params string[] listening) => new(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Jishi:PublicUrl"] = publicUrl }).Build(),
        new ListeningServer(listening));

    private static HttpRequest Request(string host)
    {
        var http = new DefaultHttpContext();
        http.Request.Scheme = "http";
        http.Request.Host = new HostString(host);
        return http.Request;
    }

    [Fact]
    public void BaseUrl_LoopbackRequestInLanMode_CarriesTheLanAddress()
    {
        var site = Site(null, "http://0.0.0.0:5080");
        Assert.True(site.ListensOnLan);
        var expected = SiteAddress.LanAddresses() is [var first, ..] ? $"http://{first}:5080" : "http://localhost:5080";
        Assert.Equal(expected, site.BaseUrl(Request("localhost:5080")));
        Assert.Equal("http://192.168.1.23:5080", site.BaseUrl(Request("192.168.1.23:5080")));
    }

    [Fact]
    public void BaseUrl_ListeningOnLoopbackOnly_KeepsTheRequestHost()
    {
        var site = Site(null, "http://localhost:5080");
        Assert.False(site.ListensOnLan);
        Assert.Equal("http://localhost:5080", site.BaseUrl(Request("localhost:5080")));
    }

    [Fact]
    public void BaseUrl_PageAddressOfInteractiveScreen_SameAsTheRequestWould()
    {
        var site = Site(null, "http://0.0.0.0:5080");
        Assert.Equal(site.BaseUrl(Request("localhost:5080")), site.BaseUrl("http://localhost:5080/"));
        Assert.Equal("http://192.168.1.23:5080", site.BaseUrl("http://192.168.1.23:5080/"));
        Assert.Equal("http://localhost:5080", Site(null, "http://localhost:5080").BaseUrl("http://localhost:5080/"));
    }

    [Fact]
    public void BaseUrl_PublicUrlSet_WinsOverEverything() =>
        Assert.Equal("https://dj.example.cn", Site("https://dj.example.cn/", "http://0.0.0.0:5080").BaseUrl(Request("localhost:5080")));

    [Fact]
    public void StartupBanner_EveryStart_SaysHowToResetAPassword()
    {
        var text = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance)
            .Create(typeof(SharedResource));
        var lines = StartupBanner.Lines(text, Site(null, "http://localhost:5080"), ["http://localhost:5080"],
            new DatabaseInitializer.Outcome(null, false, null)).ToList();
        Assert.Contains(lines, l => l.Contains("reset-password --user admin", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("http://localhost:5080", StringComparison.Ordinal));
        Assert.All(SiteAddress.LanAddresses(), ip => Assert.Contains(lines, l => l.Contains($"http://{ip}:5080", StringComparison.Ordinal)));
    }

    [Fact]
    public void PhoneUrls_ListeningOnLoopbackOtherPort_OfferTheListenedPort() =>
        Assert.All(Site(null, "http://localhost:6123").PhoneUrls(), url => Assert.EndsWith(":6123", url, StringComparison.Ordinal));
}
