using QRCoder;

namespace Jishi.Web.Features.Reviews;

/// <summary>The address a phone opens for a token, and its QR code. Phones must reach the server, so the address comes
/// from <c>Jishi:PublicUrl</c> (e.g. http://192.168.1.10:5080) when set, else from the request's own host.</summary>
public sealed class BallotLinks(IConfiguration config)
{
    public string BaseUrl(HttpRequest request) =>
        (config["Jishi:PublicUrl"] is { Length: > 0 } configured ? configured : $"{request.Scheme}://{request.Host}").TrimEnd('/');

    /// <summary>True when phones could not open the address (a loopback host).</summary>
    public static bool IsLoopback(string baseUrl) =>
        Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && (uri.IsLoopback || uri.Host == "localhost");

    public static string BallotUrl(string baseUrl, string token) => $"{baseUrl}/ballot/{token}";

    /// <summary>A scalable SVG of the QR code (error correction M: survives a crease in a paper card).</summary>
    public static string QrSvg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
