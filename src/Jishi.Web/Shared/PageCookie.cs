using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Jishi.Web.Shared;

/// <summary>A cookie of a phone page that carries what its post hands on to the redirect answering it (post/redirect/get):
/// encrypted by Data Protection, bound to a key of the page (a ballot's token, an activity's secret) and sent only to the
/// page's own address, so nothing of it travels in a URL or reaches another page.</summary>
public sealed class PageCookie(IDataProtector protector, string name)
{
    public void Write(HttpContext http, string key, string value) =>
        http.Response.Cookies.Append(name, protector.Protect(key + "\n" + value), Options(http, TimeSpan.FromDays(1)));

    /// <summary>The value written for <paramref name="key"/>, or null (no cookie, another key's, or not one of ours).</summary>
    public string? Read(HttpContext http, string key)
    {
        if (http.Request.Cookies[name] is not { } cookie)
        {
            return null;
        }
        try
        {
            var text = protector.Unprotect(cookie);
            return text.StartsWith(key + "\n", StringComparison.Ordinal) ? text[(key.Length + 1)..] : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public void Delete(HttpContext http) => http.Response.Cookies.Delete(name, Options(http, null));

    /// <summary>Named fields as one cookie value (<see cref="Fields"/> reads them back).</summary>
    public static string Join(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));

    public static IReadOnlyDictionary<string, string> Fields(string? value) => value is { Length: > 0 }
        ? value.Split('&').Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1]))
        : new Dictionary<string, string>();

    private static CookieOptions Options(HttpContext http, TimeSpan? maxAge) => new()
    {
        Path = http.Request.Path, HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, MaxAge = maxAge,
    };
}
