using Jishi.Web.Shared;

namespace Jishi.Web.Features.Audit;

/// <summary>The name the audit log records for the saves of one scope: the current user's, or, inside <see cref="Act"/>, the
/// one given — a resident acting through a tracking code, or the caller of a queued write that a writer stores in a scope
/// of its own. The current user stays who they are.</summary>
public sealed class AuditActor(CurrentUser user)
{
    public const string System = "system";

    private string? _acting;

    public string Name => _acting ?? user.UserName ?? System;

    /// <summary>Records the saves until the result is disposed as <paramref name="name"/> (<see cref="System"/> when null);
    /// then as before.</summary>
    public IDisposable Act(string? name)
    {
        var before = _acting;
        _acting = name ?? System;
        return new Restore(() => _acting = before);
    }
}
