using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Jishi.Web.Features.Reviews.HallCheck;

/// <summary>会前检查: a check opened on the meeting laptop's screen, and the phones that reached its test page.
/// Kept in memory, not the database: a check proves that phones on the hall's Wi-Fi reach <em>this</em> server, so it is
/// only meaningful for the one process whose LAN address the QR code carries (会场模式 on the laptop; a balanced district
/// server is reached through its public address, and a ping answered by another instance would prove nothing about this
/// one). A check lasts an hour and nothing of it needs to survive a restart.</summary>
public sealed class HallChecks(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public sealed record Status(bool Reached, int Phones, DateTimeOffset? LastAt);

    private sealed class Check(DateTimeOffset created)
    {
        public DateTimeOffset Created { get; } = created;
        public int Phones { get; set; }
        public DateTimeOffset? LastAt { get; set; }
    }

    private readonly ConcurrentDictionary<string, Check> _checks = new();

    /// <summary>A new check's random token (the address of its test page).</summary>
    public string Start()
    {
        var now = clock.GetUtcNow();
        foreach (var (token, check) in _checks)
        {
            if (check.Created + Lifetime <= now)
            {
                _checks.TryRemove(token, out _);
            }
        }
        var created = RandomNumberGenerator.GetString(BallotToken.Alphabet, 16);
        _checks[created] = new Check(now);
        return created;
    }

    /// <summary>A phone opened the test page; false when the check is unknown or over.</summary>
    public bool Reach(string token)
    {
        if (Live(token) is not { } check)
        {
            return false;
        }
        lock (check)
        {
            check.Phones++;
            check.LastAt = clock.GetUtcNow();
        }
        return true;
    }

    public Status? StatusOf(string token)
    {
        if (Live(token) is not { } check)
        {
            return null;
        }
        lock (check)
        {
            return new Status(check.Phones > 0, check.Phones, check.LastAt);
        }
    }

    private Check? Live(string token) =>
        _checks.TryGetValue(token, out var check) && check.Created + Lifetime > clock.GetUtcNow() ? check : null;
}
