using Jishi.Web.Shared;
using QRCoder;

namespace Jishi.Web.Features.Reviews;

/// <summary>The address a phone opens for a token, and its QR code. The address comes from <see cref="SiteAddress"/>
/// (<c>Jishi:PublicUrl</c>, else the LAN address in 会场模式, else the request's own host).</summary>
public sealed class BallotLinks(SiteAddress site)
{
    public string BaseUrl(HttpRequest request) => site.BaseUrl(request);

    /// <summary>True when phones could not open the address (a loopback host).</summary>
    public static bool IsLoopback(string baseUrl) => SiteAddress.IsLoopback(baseUrl);

    public static string BallotUrl(string baseUrl, string token) => $"{baseUrl}/ballot/{token}";

    /// <summary>The short address printed under a QR code for a phone whose camera will not scan: /b/{token} redirects
    /// to the ballot, and a phone's browser takes a typed address without its http:// (https:// stays: it must be typed).</summary>
    public static string ShortUrl(string baseUrl, string token) => $"{ToType(baseUrl)}/b/{token}";

    /// <summary>An address as a person types it into a phone's browser: without http:// (https:// stays).</summary>
    public static string ToType(string url) => url.StartsWith("http://", StringComparison.Ordinal) ? url["http://".Length..] : url;

    /// <summary>A scalable SVG of the QR code (error correction M: survives a crease in a paper card).</summary>
    public static string QrSvg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
