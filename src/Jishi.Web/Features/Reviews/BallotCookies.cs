using Microsoft.AspNetCore.DataProtection;

namespace Jishi.Web.Features.Reviews;

/// <summary>What a phone ballot page keeps between its post and the redirect that answers it (post/redirect/get), so
/// refresh and back never post again: the voter's unsent choices (a draft) and, once cast, the receipt. Both are cookies
/// of the ballot's own address, encrypted and bound to its token; nothing of the ballot is kept once it is cast.</summary>
public sealed class BallotCookies(IDataProtectionProvider protection)
{
    private const string DraftCookie = "jishi-draft";
    private const string ReceiptCookie = "jishi-receipt";
    private readonly IDataProtector _protector = protection.CreateProtector("Jishi.BallotCookies");

    public void SaveDraft(HttpContext http, string token, IEnumerable<KeyValuePair<string, string>> fields) =>
        Write(http, DraftCookie, token, string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")));

    public IReadOnlyDictionary<string, string> Draft(HttpContext http, string token) =>
        Read(http, DraftCookie, token) is { Length: > 0 } text
            ? text.Split('&').Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
                .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1]))
            : new Dictionary<string, string>();

    /// <summary>Keeps the receipt (empty when the ballot has none) and forgets the draft.</summary>
    public void SaveReceipt(HttpContext http, string token, string receipt)
    {
        http.Response.Cookies.Delete(DraftCookie, Options(http, null));
        Write(http, ReceiptCookie, token, receipt);
    }

    /// <summary>The receipt this phone was given for <paramref name="token"/>, or null.</summary>
    public string? Receipt(HttpContext http, string token) => Read(http, ReceiptCookie, token);

    private void Write(HttpContext http, string name, string token, string value) =>
        http.Response.Cookies.Append(name, _protector.Protect(token + "\n" + value), Options(http, TimeSpan.FromDays(1)));

    private string? Read(HttpContext http, string name, string token)
    {
        if (http.Request.Cookies[name] is not { } cookie)
        {
            return null;
        }
        try
        {
            var text = _protector.Unprotect(cookie);
            return text.StartsWith(token + "\n", StringComparison.Ordinal) ? text[(token.Length + 1)..] : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    // The page's own path: a draft or receipt never travels to another code's page.
    private static CookieOptions Options(HttpContext http, TimeSpan? maxAge) => new()
    {
        Path = http.Request.Path, HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, MaxAge = maxAge,
    };
}
