using System.Text.Json;
using Jishi.Web.Features.Accounts;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jishi.Web.Features.Audit;

/// <summary>Records every create, update and delete of domain data (the types under Jishi.Web.Features) as an
/// <see cref="AuditEntry"/> in the same transaction as the change. Keys of new rows are known only after the
/// insert, so the entries are written in a second round inside one transaction. Each entry names
/// <see cref="AuditActor.Name"/>.</summary>
public sealed class AuditInterceptor(AuditActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Secret =
        [nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp)];

    private List<Pending>? _pending;
    private IDbContextTransaction? _ownTransaction;

    private sealed record Pending(EntityEntry Entry, string Action, string? Before, string? DeletedKey);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (_pending is null && eventData.Context is { } db && Capture(db) is { Count: > 0 } pending)
        {
            _pending = pending;
            if (db.Database.CurrentTransaction is null)
            {
                _ownTransaction = await db.Database.BeginTransactionAsync(ct);
            }
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        if (_pending is { } pending && eventData.Context is { } db)
        {
            _pending = null;
            var at = clock.GetUtcNow().UtcDateTime;
            db.Set<AuditEntry>().AddRange(pending.Select(p => new AuditEntry
            {
                At = at,
                UserName = actor.Name,
                Entity = p.Entry.Metadata.ClrType.Name,
                Key = p.DeletedKey ?? KeyOf(p.Entry),
                Action = p.Action,
                Before = p.Before,
                After = p.Action == "Deleted" ? null : Snapshot(p.Entry, current: true),
            }));
            await db.SaveChangesAsync(ct);
            if (_ownTransaction is { } tx)
            {
                _ownTransaction = null;
                await tx.CommitAsync(ct);
                await tx.DisposeAsync();
            }
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        _pending = null;
        if (_ownTransaction is { } tx)
        {
            _ownTransaction = null;
            await tx.RollbackAsync(ct);
            await tx.DisposeAsync();
        }
    }

    /// <summary>Synchronous saves are left to infrastructure (data-protection keys); domain data must be saved
    /// asynchronously so that it is audited.</summary>
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        eventData.Context is { } db && Capture(db) is { Count: > 0 }
            ? throw new NotSupportedException("Domain data is saved with SaveChangesAsync so that it is audited.")
            : result;

    private static List<Pending>? Capture(DbContext db)
    {
        List<Pending>? list = null;
        foreach (var e in db.ChangeTracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || !IsDomain(e.Metadata.ClrType))
            {
                continue;
            }
            if (e.Entity is AuditEntry)
            {
                if (e.State != EntityState.Added)
                {
                    throw new InvalidOperationException("The audit log is append-only.");
                }
                continue;
            }
            if (e.State == EntityState.Modified && !e.Properties.Any(p => p.IsModified && !Secret.Contains(p.Metadata.Name)))
            {
                continue;
            }
            (list ??= []).Add(new Pending(e, e.State.ToString(),
                e.State == EntityState.Added ? null : Snapshot(e, current: false),
                e.State == EntityState.Deleted ? KeyOf(e) : null));
        }
        return list;
    }

    private static bool IsDomain(Type type) => type.Namespace?.StartsWith("Jishi.Web.Features", StringComparison.Ordinal) == true
        && !Attribute.IsDefined(type, typeof(NotAuditedAttribute));

    private static string KeyOf(EntityEntry e) =>
        string.Join(",", e.Metadata.FindPrimaryKey()!.Properties.Select(p => e.Property(p.Name).CurrentValue));

    private static string Snapshot(EntityEntry e, bool current)
    {
        var values = new Dictionary<string, object?>();
        foreach (var p in e.Properties)
        {
            if (!Secret.Contains(p.Metadata.Name))
            {
                var value = current ? p.CurrentValue : p.OriginalValue;
                // Uploaded files (整改 evidence) are recorded by size: the log says what changed, it is not a second copy.
                values[p.Metadata.Name] = value is byte[] bytes ? $"{bytes.Length} bytes" : value;
            }
        }
        return JsonSerializer.Serialize(values, JsonOptions);
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
