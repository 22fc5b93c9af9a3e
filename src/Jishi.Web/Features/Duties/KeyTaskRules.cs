namespace Jishi.Web.Features.Duties;

/// <summary>The status of a cell and the completion rate of a community — the one place these rules are written down.</summary>
public static class KeyTaskRules
{
    /// <summary>Done on or before its deadline.</summary>
    public const decimal OnTime = 1m;

    /// <summary>Done, but after its deadline.</summary>
    public const decimal Late = 0.5m;

    /// <summary>Not done (yet): nothing, whether or not the deadline has passed.</summary>
    public const decimal NotDone = 0m;

    public static KeyTaskStatus Status(int progress, DateOnly? completedOn, DateOnly deadline, DateOnly today) =>
        completedOn is not null ? KeyTaskStatus.Done
        : today > deadline ? KeyTaskStatus.Overdue
        : progress > 0 ? KeyTaskStatus.InProgress
        : KeyTaskStatus.NotStarted;

    public static decimal Credit(DateOnly? completedOn, DateOnly deadline) =>
        completedOn is not { } done ? NotDone : done <= deadline ? OnTime : Late;

    /// <summary>The completion rate (0–1) of a community's cells of one year: the mean credit of its cells — done on time 1,
    /// done late 0.5, not done 0. Null when the community has no key tasks that year.</summary>
    public static decimal? Rate(IEnumerable<(DateOnly? CompletedOn, DateOnly Deadline)> cells)
    {
        var credits = cells.Select(c => Credit(c.CompletedOn, c.Deadline)).ToList();
        return credits.Count == 0 ? null : credits.Sum() / credits.Count;
    }
}
