using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Audit;

public sealed record AuditEntryDto(long Id, DateTime At, string? UserName, string Entity, string Key, string Action, string? Before, string? After);

/// <summary>Filters the audit log. Only street admins and sysadmins read it; it covers their whole deployment.</summary>
public sealed class ListAudit(JishiDbContext db)
{
    public sealed record Request(string? Entity = null, string? Key = null, string? UserName = null, DateOnly? From = null,
        DateOnly? To = null, int? Page = null, int? PageSize = null);

    public async Task<Page<AuditEntryDto>> HandleAsync(Request r, CancellationToken ct) =>
        await Filter(r).OrderByDescending(a => a.Id)
            .Select(a => new AuditEntryDto(a.Id, a.At, a.UserName, a.Entity, a.Key, a.Action, a.Before, a.After))
            .ToPageAsync(r.Page, r.PageSize, ct);

    public IQueryable<AuditEntry> Filter(Request r)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (r.Entity is { Length: > 0 } entity)
        {
            q = q.Where(a => a.Entity == entity);
        }
        if (r.Key is { Length: > 0 } key)
        {
            q = q.Where(a => a.Key == key);
        }
        if (r.UserName is { Length: > 0 } user)
        {
            q = q.Where(a => a.UserName == user);
        }
        if (r.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(a => a.At >= start);
        }
        if (r.To is { } to)
        {
            // The last day there is has no next day: up to 9999-12-31 means everything.
            var end = to == DateOnly.MaxValue ? DateTime.MaxValue : to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(a => a.At < end);
        }
        return q;
    }
}
