using Jishi.Web.Shared;
using Microsoft.AspNetCore.DataProtection;

namespace Jishi.Web.Features.Reviews;

/// <summary>What a phone ballot page keeps between its post and the redirect that answers it (post/redirect/get), so
/// refresh and back never post again: the voter's unsent choices (a draft) and, once cast, the receipt. Both are cookies
/// of the ballot's own address (<see cref="PageCookie"/>), bound to its token; nothing of the ballot is kept once it is cast.</summary>
public sealed class BallotCookies(IDataProtectionProvider protection)
{
    private const string Purpose = "Jishi.BallotCookies";
    private readonly PageCookie _draft = new(protection.CreateProtector(Purpose), "jishi-draft");
    private readonly PageCookie _receipt = new(protection.CreateProtector(Purpose), "jishi-receipt");

    public void SaveDraft(HttpContext http, string token, IEnumerable<KeyValuePair<string, string>> fields) =>
        _draft.Write(http, token, PageCookie.Join(fields));

    public IReadOnlyDictionary<string, string> Draft(HttpContext http, string token) => PageCookie.Fields(_draft.Read(http, token));

    /// <summary>Keeps the receipt (empty when the ballot has none) and forgets the draft.</summary>
    public void SaveReceipt(HttpContext http, string token, string receipt)
    {
        _draft.Delete(http);
        _receipt.Write(http, token, receipt);
    }

    /// <summary>The receipt this phone was given for <paramref name="token"/>, or null.</summary>
    public string? Receipt(HttpContext http, string token) => _receipt.Read(http, token);
}
