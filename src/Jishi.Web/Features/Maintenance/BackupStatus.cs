using Jishi.Web.Shared;

namespace Jishi.Web.Features.Maintenance;

/// <summary>What the server knows of its backups since it started: the last outcome, the next scheduled run, and
/// whether one is being written (one at a time, whoever asks).</summary>
public sealed class BackupStatus
{
    /// <summary>The outcome of one backup: the file written, or why none was.</summary>
    public sealed record Outcome(DateTimeOffset At, string? File, Error? Error);

    private readonly SemaphoreSlim _running = new(1, 1);

    public Outcome? Last { get; private set; }

    /// <summary>When the daily backup is next due; null while none is scheduled.</summary>
    public DateTimeOffset? NextRun { get; set; }

    public bool TryBegin() => _running.Wait(0);

    /// <summary>Ends the run begun by <see cref="TryBegin"/>; a cancelled run leaves the last outcome as it was.</summary>
    public void End(Outcome? outcome)
    {
        Last = outcome ?? Last;
        _running.Release();
    }
}
