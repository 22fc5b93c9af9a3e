using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Jishi.Web.Shared;

/// <summary>The address phones and printouts carry (QR codes, links, 登录卡): <c>Jishi:PublicUrl</c> when set; else, in
/// 会场模式 (<c>Jishi:Lan=true</c>, the server listens on every interface), the machine's LAN address when the page was
/// reached through loopback; else the request's own host. Also what the screens and the start-up banner say about it.</summary>
public sealed class SiteAddress(IConfiguration config, IServer server)
{
    public const string LanKey = "Jishi:Lan";

    /// <summary>The port the server listens on when neither --urls nor Kestrel:Endpoints says otherwise.</summary>
    public const int DefaultPort = 5080;

    /// <summary>True when the site was started in 会场模式 (<c>Jishi:Lan=true</c>).</summary>
    public static bool LanMode(IConfiguration config) => config.GetValue(LanKey, false);

    /// <summary>The default listening address: every interface in 会场模式, this machine only otherwise.</summary>
    public static string DefaultUrl(IConfiguration config) => LanMode(config) ? $"http://0.0.0.0:{DefaultPort}" : $"http://localhost:{DefaultPort}";

    public string BaseUrl(HttpRequest request) => BaseUrl($"{request.Scheme}://{request.Host}");

    /// <summary>As <see cref="BaseUrl(HttpRequest)"/> from the address the page itself was reached at (an interactive
    /// screen has no request: NavigationManager.BaseUri).</summary>
    public string BaseUrl(string ownBaseUrl)
    {
        if (config["Jishi:PublicUrl"] is { Length: > 0 } configured)
        {
            return configured.TrimEnd('/');
        }
        var own = ownBaseUrl.TrimEnd('/');
        return IsLoopback(own) && ListensOnLan && LanAddresses().FirstOrDefault() is { } lan && Uri.TryCreate(own, UriKind.Absolute, out var uri)
            ? $"{uri.Scheme}://{lan}:{uri.Port}"
            : own;
    }

    /// <summary>True when phones could not open the address (a loopback host).</summary>
    public static bool IsLoopback(string baseUrl) =>
        Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && (uri.IsLoopback || uri.Host == "localhost");

    /// <summary>True when the server listens on an address other machines reach (every interface, or a LAN address).</summary>
    public bool ListensOnLan => Listening.Any(u => !IsLoopback(u.Replace("://*", "://0.0.0.0", StringComparison.Ordinal)
        .Replace("://+", "://0.0.0.0", StringComparison.Ordinal)));

    /// <summary>The addresses phones on the hall's Wi-Fi would open: each LAN address with the port the server listens on.</summary>
    public IReadOnlyList<string> LanUrls() =>
        [.. LanAddresses().SelectMany(ip => Listening.Select(PortOf).Distinct().Select(p => $"{p.Scheme}://{ip}:{p.Port}"))];

    /// <summary>The LAN addresses phones use now, or, while the server listens on this machine only, would use once
    /// 会场模式 is on (<paramref name="port"/>: the port it would listen on; by default the one it listens on now).</summary>
    public IReadOnlyList<string> PhoneUrls(int? port = null) =>
        ListensOnLan ? LanUrls() : [.. LanAddresses().Select(ip => $"http://{ip}:{port ?? Listening.Select(u => PortOf(u).Port).DefaultIfEmpty(DefaultPort).First()}")];

    private IEnumerable<string> Listening => server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];

    private static (string Scheme, int Port) PortOf(string url) =>
        Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal),
            UriKind.Absolute, out var uri) ? (uri.Scheme, uri.Port) : ("http", DefaultPort);

    /// <summary>The machine's IPv4 unicast addresses on interfaces that are up, not loopback; private ranges
    /// (10/8, 172.16/12, 192.168/16) first, as a hall's Wi-Fi hands them out.</summary>
    public static IReadOnlyList<IPAddress> LanAddresses() =>
    [
        .. NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            .Distinct()
            .OrderBy(a => IsPrivate(a) ? 0 : 1),
    ];

    /// <summary>RFC 1918 private IPv4 ranges.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        var b = address.GetAddressBytes();
        return b.Length == 4 && (b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168));
    }
}
