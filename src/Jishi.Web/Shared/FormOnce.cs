using System.Security.Cryptography;
using Jishi.Web.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Shared;

/// <summary>The one-time token of a public form: a random value rendered into the form as a hidden field and stored with
/// the row the form creates (under a unique index), so a resubmission of the same form (a double tap, a re-post from the
/// history) is recognized and answered with the row it already made instead of a second one.</summary>
public static class FormOnce
{
    /// <summary>The name of the hidden field.</summary>
    public const string Field = "once";

    /// <summary>The length of a token (16 random bytes, base64url without padding).</summary>
    public const int Length = 22;

    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The posted token when it has the shape of one, else null (no token: every post is a new submission).</summary>
    public static string? Of(string? posted) =>
        posted is { Length: Length } t && t.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? t : null;

    /// <summary>Saves a form's row once per token: when <paramref name="once"/> already made a row (<paramref name="made"/>
    /// finds it), answers with that row; when a simultaneous twin wins the unique index, with the twin's row.</summary>
    public static async Task<Result<T>> SaveAsync<T>(DbContext db, string? once, Func<string, Task<Result<T>?>> made, Func<Task<Result<T>>> save)
    {
        if (once is not null && await made(once) is { } earlier)
        {
            return earlier;
        }
        try
        {
            return await save();
        }
        catch (DbUpdateException e) when (once is not null && UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return await made(once) ?? throw new InvalidOperationException("A unique token without its row.", e);
        }
    }
}
