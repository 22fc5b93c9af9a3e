namespace Jishi.Web.Features.Audit;

/// <summary>One recorded change of domain data. Append-only: the interceptor refuses updates and deletes.</summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }
    public DateTime At { get; init; }
    public string? UserName { get; init; }
    public required string Entity { get; init; }
    public required string Key { get; init; }
    public required string Action { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
}
