using Jishi.Web.Shared;
using Microsoft.AspNetCore.DataProtection;

namespace Jishi.Web.Features.Volunteering;

/// <summary>What the phone desk /v/{secret} keeps between its post and the redirect that answers it (post/redirect/get), in a
/// cookie of the activity's own address (<see cref="PageCookie"/>), never in the URL: the mobile number and name typed, so
/// the answer and a later visit show that person's standing, the outcome to show, and the one-time token of the form that
/// was sent, so a re-post of the same form is answered with that outcome and changes nothing.</summary>
public sealed class DeskCookie(IDataProtectionProvider protection)
{
    /// <summary>The longest number kept: a mobile number has 11 digits, a landline with its area code and extension a few more.</summary>
    private const int MaxPhone = 20;

    private readonly PageCookie _cookie = new(protection.CreateProtector("Jishi.DeskCookie"), "jishi-desk");

    /// <param name="Once">The token of the form whose outcome this is.</param>
    public sealed record Visit(string Phone, string Name, string Once, string Message, bool Failed);

    public void Save(HttpContext http, string secret, Visit visit) => _cookie.Write(http, secret, PageCookie.Join(
    [
        new("phone", Cut(Phones.Normalize(visit.Phone), MaxPhone)),
        new("name", Cut(visit.Name.Trim(), Volunteer.MaxName)),
        new("once", visit.Once),
        new("message", visit.Message),
        new("failed", visit.Failed ? "1" : ""),
    ]));

    /// <summary>The last visit of this phone to the activity of <paramref name="secret"/>, or null.</summary>
    public Visit? Read(HttpContext http, string secret) => PageCookie.Fields(_cookie.Read(http, secret)) is { Count: > 0 } f
        ? new Visit(f.GetValueOrDefault("phone", ""), f.GetValueOrDefault("name", ""), f.GetValueOrDefault("once", ""),
            f.GetValueOrDefault("message", ""), f.GetValueOrDefault("failed") == "1")
        : null;

    // A cookie holds about 4 KB: a pasted essay in the name field is not kept whole.
    private static string Cut(string text, int max) => text.Length > max ? text[..max] : text;
}
