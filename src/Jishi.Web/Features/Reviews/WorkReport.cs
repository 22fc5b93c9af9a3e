using Jishi.Web.Shared;

namespace Jishi.Web.Features.Reviews;

public enum WorkReportStatus
{
    Draft = 0,
    Submitted = 1,
    Returned = 2,
}

/// <summary>A secretary's 述职报告 for one campaign, in the three sections used in practice: 主要成绩, 存在问题和不足 (a list,
/// each item can become a 整改 task) and 下一步打算. It moves Draft → Submitted; the street may return it (Returned), after
/// which the secretary edits and submits again. Only Draft and Returned reports are edited.</summary>
public sealed class WorkReport
{
    public const int MaxSectionLength = 10000;
    public const int MaxProblemLength = 500;
    public const int MaxProblems = 30;
    public const int MaxReasonLength = 1000;

    private WorkReport() { }

    public WorkReport(int subjectId) => SubjectId = subjectId;

    public int Id { get; private set; }

    /// <summary>One report per subject, and a subject belongs to one campaign.</summary>
    public int SubjectId { get; private set; }

    public string Achievements { get; private set; } = "";
    public List<WorkReportProblem> Problems { get; private set; } = [];
    public string NextSteps { get; private set; } = "";
    public WorkReportStatus Status { get; private set; }
    public string? ReturnReason { get; private set; }
    public DateTime? SubmittedOn { get; private set; }

    public bool Editable => Status is WorkReportStatus.Draft or WorkReportStatus.Returned;

    /// <summary>Saves the draft. An item whose text is unchanged keeps its row (and so its id and any 整改 task made
    /// from it); blank items are dropped.</summary>
    public Error? Edit(string? achievements, IReadOnlyList<string>? problems, string? nextSteps)
    {
        if (!Editable)
        {
            return WrongState();
        }
        var items = (problems ?? []).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        var invalid = new List<FieldProblem>();
        if (achievements?.Trim().Length > MaxSectionLength)
        {
            invalid.Add(new("achievements", "Text.TooLong", MaxSectionLength));
        }
        if (nextSteps?.Trim().Length > MaxSectionLength)
        {
            invalid.Add(new("nextSteps", "Text.TooLong", MaxSectionLength));
        }
        if (items.Count > MaxProblems)
        {
            invalid.Add(new("problems", "WorkReport.TooManyProblems", MaxProblems));
        }
        if (items.Any(p => p.Length > MaxProblemLength))
        {
            invalid.Add(new("problems", "Text.TooLong", MaxProblemLength));
        }
        if (invalid.Count > 0)
        {
            return new ValidationError(invalid);
        }
        Achievements = achievements?.Trim() ?? "";
        NextSteps = nextSteps?.Trim() ?? "";
        var kept = new List<WorkReportProblem>();
        var pool = Problems.ToList();
        for (var i = 0; i < items.Count; i++)
        {
            var row = pool.FirstOrDefault(p => p.Text == items[i]);
            if (row is null)
            {
                row = new WorkReportProblem(items[i]);
            }
            else
            {
                pool.Remove(row);
            }
            row.Position = i;
            kept.Add(row);
        }
        Problems.RemoveAll(p => pool.Contains(p));
        Problems.AddRange(kept.Where(p => !Problems.Contains(p)));
        return null;
    }

    /// <summary>A report goes to the street complete: every section written and at least one problem found (a report
    /// without 存在问题 is exactly what the 述职评议 is meant to prevent).</summary>
    public Error? Submit(DateTime at)
    {
        if (!Editable)
        {
            return WrongState();
        }
        var missing = new List<FieldProblem>();
        if (Achievements.Length == 0)
        {
            missing.Add(new("achievements", "WorkReport.AchievementsRequired"));
        }
        if (Problems.Count == 0)
        {
            missing.Add(new("problems", "WorkReport.ProblemsRequired"));
        }
        if (NextSteps.Length == 0)
        {
            missing.Add(new("nextSteps", "WorkReport.NextStepsRequired"));
        }
        if (missing.Count > 0)
        {
            return new ValidationError(missing);
        }
        Status = WorkReportStatus.Submitted;
        SubmittedOn = at;
        return null;
    }

    public Error? Return(string? reason)
    {
        if (Status != WorkReportStatus.Submitted)
        {
            return WrongState();
        }
        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length is 0 or > MaxReasonLength)
        {
            return new ValidationError([new FieldProblem("reason", "WorkReport.ReasonRequired", MaxReasonLength)]);
        }
        Status = WorkReportStatus.Returned;
        ReturnReason = trimmed;
        return null;
    }

    private Error WrongState() => Error.Conflict("WorkReport.WrongState", "WorkReport.Status." + Status);
}

/// <summary>One item of 存在问题和不足, kept as its own row so that a 整改 task can point back at it.</summary>
public sealed class WorkReportProblem
{
    private WorkReportProblem() { }

    internal WorkReportProblem(string text) => Text = text;

    public int Id { get; private set; }
    public int WorkReportId { get; private set; }
    public int Position { get; internal set; }
    public string Text { get; private set; } = "";
}
