using Jishi.Web.Shared;
using Microsoft.Extensions.Time.Testing;

namespace Jishi.UnitTests.Shared;

public sealed class FailureWindowTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 2, 13, 9, 0, 0, TimeSpan.FromHours(8)));

    [Fact]
    public void IsBlocked_LimitReached_BlockedUntilTheWindowEnds()
    {
        var failures = new FailureWindow(3, TimeSpan.FromMinutes(1), _clock);
        for (var i = 0; i < 2; i++)
        {
            failures.Charge("10.0.0.1");
        }
        Assert.False(failures.IsBlocked("10.0.0.1", out _));

        _clock.Advance(TimeSpan.FromSeconds(20));
        failures.Charge("10.0.0.1");

        Assert.True(failures.IsBlocked("10.0.0.1", out var wait));
        Assert.Equal(TimeSpan.FromSeconds(40), wait);
        _clock.Advance(TimeSpan.FromSeconds(40));
        Assert.False(failures.IsBlocked("10.0.0.1", out _));
    }

    [Fact]
    public void Charge_AnotherKey_DoesNotBlockThisOne()
    {
        var failures = new FailureWindow(1, TimeSpan.FromMinutes(1), _clock);
        failures.Charge("10.0.0.1");
        Assert.True(failures.IsBlocked("10.0.0.1", out _));
        Assert.False(failures.IsBlocked("10.0.0.2", out _));
    }

    [Fact]
    public void Charge_AfterTheWindow_StartsCountingAgain()
    {
        var failures = new FailureWindow(2, TimeSpan.FromMinutes(1), _clock);
        failures.Charge("k");
        _clock.Advance(TimeSpan.FromMinutes(2));
        failures.Charge("k");
        Assert.False(failures.IsBlocked("k", out _));
    }
}
