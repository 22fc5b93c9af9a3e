using Jishi.Web.Features.Grading;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Turnaround;

public enum TurnaroundStatus
{
    Active = 0,
    Completed = 1,
    Cancelled = 2,
}

/// <summary>Who helps the branch: the street sends a 第一书记 or a 党建指导员; anyone else is named with their role.</summary>
public enum HelperRole
{
    FirstSecretary = 0,
    Instructor = 1,
    Other = 2,
}

/// <summary>What a plan says apart from its branch and year; the street and the community secretary edit it while the plan runs.</summary>
public sealed record PlanDetails(string? Origin, string? LeaderName, int? LeaderUserId, string? HelperName, HelperRole HelperRole,
    string? HelperRoleText, IReadOnlyList<string>? Problems, IReadOnlyList<string>? Measures, string? Target)
{
    public IReadOnlyList<FieldProblem> Validate()
    {
        var problems = new List<FieldProblem>();
        Require(problems, "origin", Origin, TurnaroundPlan.MaxText);
        Require(problems, "leaderName", LeaderName, TurnaroundPlan.MaxName);
        Require(problems, "helperName", HelperName, TurnaroundPlan.MaxName);
        Require(problems, "target", Target, TurnaroundPlan.MaxName * 2);
        if (HelperRole == HelperRole.Other)
        {
            Require(problems, "helperRoleText", HelperRoleText, TurnaroundPlan.MaxName);
        }
        CheckList(problems, "problems", Problems);
        CheckList(problems, "measures", Measures);
        return problems;
    }

    private static void Require(List<FieldProblem> problems, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(field, "Turnaround.Required"));
        }
        else if (value.Trim().Length > max)
        {
            problems.Add(new(field, "Turnaround.TooLong", max));
        }
    }

    /// <summary>A plan names at least one problem and one measure: a plan without them has nothing to turn around.</summary>
    private static void CheckList(List<FieldProblem> problems, string field, IReadOnlyList<string>? items)
    {
        var kept = Clean(items);
        if (kept.Count == 0)
        {
            problems.Add(new(field, "Turnaround.ListRequired"));
        }
        else if (kept.Count > TurnaroundPlan.MaxItems || kept.Any(i => i.Length > TurnaroundPlan.MaxText))
        {
            problems.Add(new(field, "Turnaround.ListTooLong", TurnaroundPlan.MaxItems, TurnaroundPlan.MaxText));
        }
    }

    /// <summary>The items without blank lines and surrounding spaces.</summary>
    public static List<string> Clean(IReadOnlyList<string>? items) =>
        (items ?? []).Select(i => i?.Trim() ?? "").Where(i => i.Length > 0).ToList();
}

/// <summary>The re-grading that ends a plan: when, the new stars (1–5), the category (from the stars unless given) and a note.</summary>
public sealed record Regrading(DateOnly? RegradedOn, int? Stars, GradeCategory? Category, string? Note);

/// <summary>A 后进支部转化 plan: a lagging branch of one year, the street leader responsible, the helper sent to it, the problems
/// found, the measures and target, milestones with evidence and one progress entry a month. It runs (Active) until the branch
/// is re-graded (Completed, with the result recorded) or the street cancels it.</summary>
public sealed class TurnaroundPlan
{
    public const int MaxName = 50;
    public const int MaxText = 500;
    public const int MaxItems = 20;
    public const int MaxProgress = 2000;

    private TurnaroundPlan() { }

    public TurnaroundPlan(int unitId, int year, PlanDetails details, string createdBy, DateTime createdAt)
    {
        UnitId = unitId;
        Year = year;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
        Apply(details);
    }

    public int Id { get; private set; }

    /// <summary>The branch (UnitKind.Branch); scoping follows it.</summary>
    public int UnitId { get; private set; }

    /// <summary>The grading year that found the branch lagging.</summary>
    public int Year { get; private set; }
    public string Origin { get; private set; } = "";
    public string LeaderName { get; private set; } = "";
    public int? LeaderUserId { get; private set; }
    public string HelperName { get; private set; } = "";
    public HelperRole HelperRole { get; private set; }
    public string? HelperRoleText { get; private set; }
    public List<string> Problems { get; private set; } = [];
    public List<string> Measures { get; private set; } = [];
    public string Target { get; private set; } = "";
    public TurnaroundStatus Status { get; private set; }
    public DateOnly? RegradedOn { get; private set; }
    public int? NewStars { get; private set; }
    public GradeCategory? NewCategory { get; private set; }
    public string? RegradeNote { get; private set; }
    public string? CancelReason { get; private set; }
    public string? ClosedBy { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public List<TurnaroundMilestone> Milestones { get; private set; } = [];
    public List<TurnaroundProgress> Progress { get; private set; } = [];

    /// <summary>The first day of the month <paramref name="day"/> falls in: the key of a progress entry.</summary>
    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    public Error? WhyNotChangeable() =>
        Status == TurnaroundStatus.Active ? null : Error.Conflict("Turnaround.NotActive", "Turnaround.Status." + Status);

    public Error? Edit(PlanDetails details)
    {
        if (WhyNotChangeable() is { } closed)
        {
            return closed;
        }
        if (details.Validate() is { Count: > 0 } problems)
        {
            return new ValidationError(problems);
        }
        Apply(details);
        return null;
    }

    /// <summary>Closes the plan with the re-grading result: there is no completing a plan without knowing where the branch now stands.</summary>
    public Error? Complete(Regrading result, DateOnly today, string by, DateTime at)
    {
        if (WhyNotChangeable() is { } closed)
        {
            return closed;
        }
        var problems = new List<FieldProblem>();
        if (result.RegradedOn is not { } on)
        {
            problems.Add(new("regradedOn", "Turnaround.Required"));
        }
        else if (on > today)
        {
            problems.Add(new("regradedOn", "Turnaround.DateInFuture"));
        }
        if (result.Stars is not (>= 1 and <= 5))
        {
            problems.Add(new("stars", "Turnaround.StarsRange"));
        }
        if (result.Note?.Trim().Length > MaxText)
        {
            problems.Add(new("note", "Turnaround.TooLong", MaxText));
        }
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        RegradedOn = result.RegradedOn;
        NewStars = result.Stars;
        NewCategory = result.Category ?? GradingFormula.CategoryOf(result.Stars!.Value);
        RegradeNote = Blank(result.Note);
        return Close(TurnaroundStatus.Completed, by, at);
    }

    public Error? Cancel(string? reason, string by, DateTime at)
    {
        if (WhyNotChangeable() is { } closed)
        {
            return closed;
        }
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxText)
        {
            return new ValidationError([new("reason", "Turnaround.Required")]);
        }
        CancelReason = reason.Trim();
        return Close(TurnaroundStatus.Cancelled, by, at);
    }

    /// <summary>The milestones past their due date and not done; a closed plan has none (nobody is still chasing them).</summary>
    public IEnumerable<TurnaroundMilestone> OverdueMilestones(DateOnly today) =>
        Status == TurnaroundStatus.Active ? Milestones.Where(m => m.IsOverdue(today)) : [];

    public Result<TurnaroundMilestone> AddMilestone(string? title, DateOnly? dueOn, string? note)
    {
        if (WhyNotChangeable() is { } closed)
        {
            return closed;
        }
        if (TurnaroundMilestone.Validate(title, dueOn, note) is { Count: > 0 } problems)
        {
            return new ValidationError(problems);
        }
        var milestone = new TurnaroundMilestone(title!, dueOn!.Value, note);
        Milestones.Add(milestone);
        return milestone;
    }

    /// <summary>This month's progress entry: one a month, so a second one the same month is refused (edit the first instead).</summary>
    public Result<TurnaroundProgress> AddProgress(string? text, string author, DateOnly today, DateTime at)
    {
        if (WhyNotChangeable() is { } closed)
        {
            return closed;
        }
        if (TurnaroundProgress.Validate(text) is { } invalid)
        {
            return invalid;
        }
        var month = MonthOf(today);
        if (Progress.Any(p => p.Month == month))
        {
            return Error.Conflict("Turnaround.ProgressExists");
        }
        var entry = new TurnaroundProgress(month, text!, author, at);
        Progress.Add(entry);
        return entry;
    }

    private Error? Close(TurnaroundStatus status, string by, DateTime at)
    {
        Status = status;
        ClosedBy = by;
        ClosedAt = at;
        return null;
    }

    private void Apply(PlanDetails d)
    {
        Origin = d.Origin!.Trim();
        LeaderName = d.LeaderName!.Trim();
        LeaderUserId = d.LeaderUserId;
        HelperName = d.HelperName!.Trim();
        HelperRole = d.HelperRole;
        HelperRoleText = d.HelperRole == HelperRole.Other ? Blank(d.HelperRoleText) : null;
        Problems = PlanDetails.Clean(d.Problems);
        Measures = PlanDetails.Clean(d.Measures);
        Target = d.Target!.Trim();
    }

    /// <summary>The text trimmed, or null when nothing is left.</summary>
    internal static string? Blank(string? text) => text?.Trim() is { Length: > 0 } t ? t : null;
}

/// <summary>A dated step of a plan. It is overdue from the day after its due date until it is marked done.</summary>
public sealed class TurnaroundMilestone
{
    public const int MaxTitle = 200;

    private TurnaroundMilestone() { }

    internal TurnaroundMilestone(string title, DateOnly dueOn, string? note)
    {
        Title = title.Trim();
        DueOn = dueOn;
        Note = TurnaroundPlan.Blank(note);
    }

    public int Id { get; private set; }
    public int PlanId { get; private set; }
    public string Title { get; private set; } = "";
    public DateOnly DueOn { get; private set; }
    public DateOnly? DoneOn { get; private set; }
    public string? Note { get; private set; }

    public bool IsOverdue(DateOnly today) => DoneOn is null && today > DueOn;

    /// <summary>Days past the due date while overdue, else 0.</summary>
    public int DaysOverdue(DateOnly today) => IsOverdue(today) ? today.DayNumber - DueOn.DayNumber : 0;

    public static IReadOnlyList<FieldProblem> Validate(string? title, DateOnly? dueOn, string? note)
    {
        var problems = new List<FieldProblem>();
        if (string.IsNullOrWhiteSpace(title))
        {
            problems.Add(new("title", "Turnaround.Required"));
        }
        else if (title.Trim().Length > MaxTitle)
        {
            problems.Add(new("title", "Turnaround.TooLong", MaxTitle));
        }
        if (dueOn is null)
        {
            problems.Add(new("dueOn", "Turnaround.Required"));
        }
        if (note?.Trim().Length > TurnaroundPlan.MaxText)
        {
            problems.Add(new("note", "Turnaround.TooLong", TurnaroundPlan.MaxText));
        }
        return problems;
    }

    public Error? Edit(string? title, DateOnly? dueOn, string? note)
    {
        if (Validate(title, dueOn, note) is { Count: > 0 } problems)
        {
            return new ValidationError(problems);
        }
        Title = title!.Trim();
        DueOn = dueOn!.Value;
        Note = TurnaroundPlan.Blank(note);
        return null;
    }

    /// <summary>Done on a day that has come (not in the future); the note says what was done.</summary>
    public Error? MarkDone(DateOnly? doneOn, string? note, DateOnly today)
    {
        var on = doneOn ?? today;
        if (on > today)
        {
            return new ValidationError([new("doneOn", "Turnaround.DateInFuture")]);
        }
        if (note?.Trim().Length > TurnaroundPlan.MaxText)
        {
            return new ValidationError([new("note", "Turnaround.TooLong", TurnaroundPlan.MaxText)]);
        }
        DoneOn = on;
        Note = TurnaroundPlan.Blank(note) ?? Note;
        return null;
    }

    /// <summary>Null when the milestone may be removed as planned by mistake; one that is done or has evidence is part of the
    /// record and stays.</summary>
    public Error? WhyNotDeletable(bool hasEvidence) =>
        DoneOn is not null || hasEvidence ? Error.Conflict("Turnaround.MilestoneRecorded") : null;
}

/// <summary>The progress of one month, written by whoever works on the plan; it may be corrected during that month only, so
/// that the timeline is a record and not a rewrite.</summary>
public sealed class TurnaroundProgress
{
    private TurnaroundProgress() { }

    internal TurnaroundProgress(DateOnly month, string text, string author, DateTime at)
    {
        Month = month;
        Text = text.Trim();
        Author = author;
        RecordedAt = at;
    }

    public int Id { get; private set; }
    public int PlanId { get; private set; }

    /// <summary>The first day of the month it reports on.</summary>
    public DateOnly Month { get; private set; }
    public string Text { get; private set; } = "";
    public string Author { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }
    public DateTime? UpdatedAt { get; private set; }

    public bool IsEditable(DateOnly today) => Month == TurnaroundPlan.MonthOf(today);

    public static Error? Validate(string? text) =>
        string.IsNullOrWhiteSpace(text) ? new ValidationError([new("text", "Turnaround.Required")])
        : text.Trim().Length > TurnaroundPlan.MaxProgress ? new ValidationError([new("text", "Turnaround.TooLong", TurnaroundPlan.MaxProgress)])
        : null;

    public Error? Edit(string? text, DateOnly today, DateTime at)
    {
        if (!IsEditable(today))
        {
            return Error.Conflict("Turnaround.ProgressClosed");
        }
        if (Validate(text) is { } invalid)
        {
            return invalid;
        }
        Text = text!.Trim();
        UpdatedAt = at;
        return null;
    }
}

/// <summary>A file that proves a milestone (a photo, a scanned minute, a PDF or an Office document), kept in the database so a
/// backup carries it with the plan.</summary>
public sealed class TurnaroundFile : StoredFile
{
    private TurnaroundFile() { }

    public TurnaroundFile(int milestoneId, CheckedFile file, string uploadedBy, DateTime uploadedAt)
        : base(file.FileName, file.ContentType, file.Content, uploadedBy, uploadedAt) => MilestoneId = milestoneId;

    public int MilestoneId { get; private set; }
}
