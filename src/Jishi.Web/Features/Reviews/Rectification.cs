using Jishi.Web.Shared;

namespace Jishi.Web.Features.Reviews;

public enum RectificationStatus
{
    NotStarted = 0,
    InProgress = 1,
    AwaitingVerification = 2,
    Closed = 3,
}

/// <summary>A 整改 task from a problem found in a review: owner, deadline, measures, evidence. It moves
/// 未开始 → 整改中 → 待验收 → 已销号; only the street verifies (销号), and a rejected check sends it back to 整改中.</summary>
public sealed class Rectification
{
    private Rectification() { }

    public Rectification(int campaignId, int unitId, string problem, string owner, DateOnly deadline, int? sourceProblemId = null)
    {
        CampaignId = campaignId;
        SourceProblemId = sourceProblemId;
        UnitId = unitId;
        Problem = problem.Trim();
        Owner = owner.Trim();
        Deadline = deadline;
    }

    public int Id { get; private set; }
    public int CampaignId { get; private set; }

    /// <summary>The unit whose secretary must fix it; scoping follows this unit.</summary>
    public int UnitId { get; private set; }

    public string Problem { get; private set; } = "";

    /// <summary>The item of a 述职报告's 存在问题和不足 this task was made from; null for issues raised in the 点评.</summary>
    public int? SourceProblemId { get; private set; }
    public string Owner { get; private set; } = "";
    public DateOnly Deadline { get; private set; }
    public string? Measures { get; private set; }
    public string? Evidence { get; private set; }
    public RectificationStatus Status { get; private set; }
    public string? VerifiedBy { get; private set; }
    public DateOnly? VerifiedOn { get; private set; }

    public Error? Start(string? measures)
    {
        if (Status is not (RectificationStatus.NotStarted or RectificationStatus.InProgress))
        {
            return Error.Conflict("Rectification.WrongState", "Rectification.Status." + Status);
        }
        Measures = measures?.Trim() is { Length: > 0 } m ? m : Measures;
        Status = RectificationStatus.InProgress;
        return null;
    }

    /// <summary>Goes to the street for verification with evidence: a description, uploaded files, or both.</summary>
    public Error? Submit(string? evidence, bool hasFiles = false)
    {
        if (Status != RectificationStatus.InProgress)
        {
            return Error.Conflict("Rectification.WrongState", "Rectification.Status." + Status);
        }
        if (string.IsNullOrWhiteSpace(evidence) && !hasFiles)
        {
            return new ValidationError([new FieldProblem("evidence", "Rectification.EvidenceRequired")]);
        }
        Evidence = evidence?.Trim() is { Length: > 0 } text ? text : Evidence;
        Status = RectificationStatus.AwaitingVerification;
        return null;
    }

    public Error? Verify(bool accepted, string verifier, DateOnly on)
    {
        if (Status != RectificationStatus.AwaitingVerification)
        {
            return Error.Conflict("Rectification.WrongState", "Rectification.Status." + Status);
        }
        if (accepted)
        {
            Status = RectificationStatus.Closed;
            VerifiedBy = verifier;
            VerifiedOn = on;
        }
        else
        {
            Status = RectificationStatus.InProgress;
        }
        return null;
    }
}
